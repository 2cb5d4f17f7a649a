package dev.privatelink.server;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.dataplane.flowlogs.FlowLogTiming;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to run the local cloud; made with {@link #builder(Path)}, whose defaults are those of
 * {@code serve} without options.
 *
 * @param host the address the API binds to (loopback unless the user asks otherwise)
 * @param port the API's port; 0 picks a free one
 * @param dataDir where the state lives
 * @param strictCredentials a shared-credentials file to check SigV4 against; null accepts any key
 * @param hostMode whether the host carries the resources or they only settle in the state
 * @param healthTiming AWS's health check intervals and thresholds, or the faster local ones
 * @param notificationWebhook where to POST endpoint connection notifications in place of SNS; null for none
 * @param allowUnsignedReset whether an unsigned {@code POST /moto-api/reset} empties the whole cloud, as moto's does
 * @param flowLogTiming how often flow logs aggregate: every few seconds, or at each flow log's interval as AWS does
 */
public record ServerOptions(String host, int port, Path dataDir, @Nullable Path strictCredentials, HostMode hostMode,
    HealthTiming healthTiming, @Nullable URI notificationWebhook, boolean allowUnsignedReset,
    FlowLogTiming flowLogTiming) {
  public static final int DEFAULT_PORT = 4566;
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** What stands behind the state. */
  public enum HostMode {
    /** The data plane: namespaces, load balancers, instances on this host (needs root on Linux). */
    DATA_PLANE,
    /** The control plane alone: every resource settles at once, nothing is made on the host. */
    CONTROL_PLANE_ONLY
  }

  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(hostMode, "hostMode");
    Objects.requireNonNull(healthTiming, "healthTiming");
    Objects.requireNonNull(flowLogTiming, "flowLogTiming");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Options with every default: loopback, port 4566, data plane on, fast health checks. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** These options, to change some. */
  public Builder toBuilder() {
    return new Builder(dataDir).host(host).port(port).strictCredentials(strictCredentials).hostMode(hostMode)
        .healthTiming(healthTiming).notificationWebhook(notificationWebhook).allowUnsignedReset(allowUnsignedReset)
        .flowLogTiming(flowLogTiming);
  }

  public boolean dataPlane() {
    return hostMode == HostMode.DATA_PLANE;
  }

  public Optional<Path> strictCredentialsFile() {
    return Optional.ofNullable(strictCredentials);
  }

  public Optional<URI> notificationWebhookUrl() {
    return Optional.ofNullable(notificationWebhook);
  }

  public String endpoint() {
    String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
  }

  /** Builds {@link ServerOptions}; every setter returns this builder. */
  public static final class Builder {
    private final Path dataDir;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private @Nullable Path strictCredentials;
    private boolean allowUnsignedReset;
    private HostMode hostMode = HostMode.DATA_PLANE;
    private HealthTiming healthTiming = HealthTiming.FAST;
    private FlowLogTiming flowLogTiming = FlowLogTiming.FAST;
    private @Nullable URI notificationWebhook;

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Null accepts any key, as without {@code --strict-auth}. */
    public Builder strictCredentials(@Nullable Path file) {
      this.strictCredentials = file;
      return this;
    }

    public Builder hostMode(HostMode value) {
      this.hostMode = value;
      return this;
    }

    public Builder healthTiming(HealthTiming value) {
      this.healthTiming = value;
      return this;
    }

    public Builder flowLogTiming(FlowLogTiming value) {
      this.flowLogTiming = value;
      return this;
    }

    /** Null sends no notifications. */
    public Builder notificationWebhook(@Nullable URI url) {
      this.notificationWebhook = url;
      return this;
    }

    /** Off by default: a reset must be signed (and then resets the signing account only). */
    public Builder allowUnsignedReset(boolean value) {
      this.allowUnsignedReset = value;
      return this;
    }

    public ServerOptions build() {
      return new ServerOptions(host, port, dataDir, strictCredentials, hostMode, healthTiming, notificationWebhook,
          allowUnsignedReset, flowLogTiming);
    }
  }
}
