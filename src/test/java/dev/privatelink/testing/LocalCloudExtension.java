package dev.privatelink.testing;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.stacks.StackClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;

/**
 * Starts a whole local cloud (API, journal, data dir) on a free loopback port for a test class,
 * without the data plane unless asked, and removes it afterwards. Tests reach it through the real
 * AWS SDK ({@link #clients}) or over plain HTTP ({@link #endpoint}).
 */
public final class LocalCloudExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean dataPlane;
  private final Optional<Path> strictCredentials;
  private final List<StackClients> clients = new ArrayList<>();
  private Path dataDir;
  private LocalCloud cloud;

  private LocalCloudExtension(boolean dataPlane, Optional<Path> strictCredentials) {
    this.dataPlane = dataPlane;
    this.strictCredentials = strictCredentials;
  }

  public static LocalCloudExtension controlPlaneOnly() {
    return new LocalCloudExtension(false, Optional.empty());
  }

  public static LocalCloudExtension withDataPlane() {
    return new LocalCloudExtension(true, Optional.empty());
  }

  /** Control plane only, verifying SigV4 against the keys of an AWS shared-credentials file. */
  public static LocalCloudExtension strict(Path credentialsFile) {
    return new LocalCloudExtension(false, Optional.of(credentialsFile));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("privatelink-test");
    cloud = LocalCloud.start(ServerOptions.builder(dataDir).port(0).strictCredentials(strictCredentials.orElse(null))
        .hostMode(dataPlane ? ServerOptions.HostMode.DATA_PLANE : ServerOptions.HostMode.CONTROL_PLANE_ONLY).build());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    holdForDebugging();
    clients.forEach(StackClients::close);
    clients.clear();
    if (cloud != null) {
      cloud.close();
    }
    try (var paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** With -Dprivatelink.hold=SECONDS, keeps the cloud up after the tests so a person can look at it. */
  private void holdForDebugging() {
    long seconds = Long.getLong("privatelink.hold", 0);
    if (seconds > 0) {
      System.err.println("holding the cloud at " + endpoint() + " (data " + dataDir + ") for " + seconds + " s");
      try {
        Thread.sleep(seconds * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public URI endpoint() {
    return URI.create(cloud.endpoint());
  }

  public Path dataDir() {
    return dataDir;
  }

  public LocalCloud cloud() {
    return cloud;
  }

  /** SDK clients for an account (its id is the access key), closed after the class. */
  public StackClients clients(String accountId) {
    StackClients c = new StackClients(endpoint(), accountId, Region.US_EAST_1);
    clients.add(c);
    return c;
  }

  /** Waits until the cloud's state stops changing (new resources settle asynchronously). */
  public void quiesce() {
    long last = -1;
    while (last != cloud.cloud().version()) {
      last = cloud.cloud().version();
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Empties the cloud between tests, as moto's reset does. */
  public void reset() {
    cloud.cloud().reset();
  }

  /** Runs {@code command} inside an instance of this cloud; its output and error, merged. */
  public String exec(String instanceId, String... command) throws IOException, InterruptedException {
    Process p = dev.privatelink.dataplane.instances.InstanceRuntime.execFromOutside(dataDir(), instanceId, List.of(command), false)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
