package dev.privatelink.server;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to run the local cloud.
 *
 * @param strictCredentials an AWS shared-credentials file whose keys alone are accepted, or null to accept any key
 * @param host the address the API binds to (loopback unless the user asks otherwise)
 * @param dataPlane false to serve the control plane alone (resources then settle at once)
 * @param healthTiming {@code fast} (local default) or {@code aws} (AWS's intervals and thresholds)
 * @param notificationWebhook where to POST endpoint connection notifications, in place of SNS, or null
 */
public record ServerOptions(String host, int port, Path dataDir, @Nullable Path strictCredentials, boolean dataPlane,
    String healthTiming, java.net.@Nullable URI notificationWebhook) {
  public static final int DEFAULT_PORT = 4566;

  public ServerOptions(String host, int port, Path dataDir, @Nullable Path strictCredentials, boolean dataPlane,
      String healthTiming) {
    this(host, port, dataDir, strictCredentials, dataPlane, healthTiming, null);
  }

  public ServerOptions withNotificationWebhook(java.net.URI url) {
    return new ServerOptions(host, port, dataDir, strictCredentials, dataPlane, healthTiming, url);
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(host, newPort, dataDir, strictCredentials, dataPlane, healthTiming, notificationWebhook);
  }

  public String endpoint() {
    String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
  }
}
