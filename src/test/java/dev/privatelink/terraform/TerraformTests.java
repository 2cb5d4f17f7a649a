package dev.privatelink.terraform;

import dev.privatelink.cli.Main;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.dataplane.netns.Host;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** What the Terraform tests share: the command as a launcher, commands run in instances, namespaces left. */
final class TerraformTests {
  private TerraformTests() {}

  /** {@code privatelink terraform --endpoint <endpoint>}, as a separate JVM on the test class path. */
  static List<String> privatelinkTerraform(URI endpoint) {
    return List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "terraform",
        "--endpoint", endpoint.toString());
  }

  /** Runs {@code command} in the instance until its output satisfies {@code done} or {@code limit} passes; the last output. */
  static String inInstanceUntil(Path dataDir, String instanceId, List<String> command, Predicate<String> done, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    String out;
    do {
      Process p = InstanceRuntime.execFromOutside(dataDir, instanceId, command, false).redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      if (done.test(out)) {
        return out;
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return out;
  }

  /** The host's namespaces whose names carry one of the ids. */
  static List<String> namespacesNaming(Collection<String> ids) {
    return Arrays.stream(Host.run("ip", "netns", "list").split("\n")).filter(n -> ids.stream().anyMatch(n::contains)).toList();
  }
}
