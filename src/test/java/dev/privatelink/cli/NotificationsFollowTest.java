package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * {@code notifications --follow} in a subprocess across a restart of a background cloud: the event
 * from before the restart is printed once, and the one after it appears too (control plane only:
 * notifications need no host network).
 */
class NotificationsFollowTest {
  private static final String ACCOUNT = "000000000000";
  @TempDir
  Path scratch;

  @Test
  void followSurvivesARestartWithoutRepeatingWhatItPrinted() throws Exception {
    Path dataDir = scratch.resolve("data");
    Cli cli = new Cli(dataDir, scratch);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> serve = List.of("--detach", "--no-dataplane", "--port", Integer.toString(port));
    Cli.Result started = cli.run("serve", serve, List.of());
    assertEquals(0, started.exitCode(), started.describe());
    Cli.Running follow = null;
    try (StackClients c = new StackClients(URI.create("http://127.0.0.1:" + port), ACCOUNT, Region.US_EAST_1)) {
      SeedOutputs seed = new SeedStack(URI.create("http://127.0.0.1:" + port), ACCOUNT, ACCOUNT, Progress.silent(), false).apply();
      String serviceId = c.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().getFirst().serviceId();
      c.ec2().createVpcEndpointConnectionNotification(r -> r.serviceId(serviceId)
          .connectionNotificationArn("arn:aws:sns:us-east-1:" + ACCOUNT + ":endpoint-events").connectionEvents("Connect", "Delete"));
      VpcEndpoint first = c.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId())).vpcEndpoints().getFirst();
      c.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId()));

      follow = cli.start("notifications", List.of("--follow"));
      follow.awaitLine(row("Delete", seed.vpcEndpointId()));

      Cli.Result down = cli.run("down", List.of(), List.of());
      assertEquals(0, down.exitCode(), down.describe());
      Cli.Result again = cli.run("serve", serve, List.of());
      assertEquals(0, again.exitCode(), again.describe());
      String second = c.ec2().createVpcEndpoint(r -> r.vpcId(first.vpcId()).serviceName(first.serviceName())
          .vpcEndpointType("Interface").subnetIds(first.subnetIds())
          .securityGroupIds(first.groups().stream().map(g -> g.groupId()).toList())).vpcEndpoint().vpcEndpointId();

      follow.awaitLine(row("Connect", second));
      assertTrue(follow.process().isAlive(), "--follow still runs: " + follow.output());
      List<String> rows = Files.readAllLines(follow.stdout()).stream().filter(l -> !l.startsWith("TIME")).toList();
      assertEquals(rows.stream().distinct().toList(), rows, "no notification printed twice");
      assertEquals(1, rows.stream().filter(l -> l.contains(seed.vpcEndpointId())).count(), rows.toString());
    } finally {
      if (follow != null) {
        follow.process().destroy();
        follow.process().waitFor(30, TimeUnit.SECONDS);
      }
      cli.run("down", List.of(), List.of());
    }
  }

  private static Pattern row(String event, String endpointId) {
    return Pattern.compile("\\S+ +" + event + " +" + Pattern.quote(endpointId) + " +" + ACCOUNT + " +\\S+");
  }
}
