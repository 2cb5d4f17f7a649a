package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.testing.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code notifications}: a table with a header, a line when there are none, the raw bodies with --json. */
@ResourceLock(Resources.SYSTEM_OUT)
class NotificationsCommandTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @Test
  void noneSaySoThenEachIsARowOrItsRawMessage() {
    CLOUD.reset();
    assertTrue(run().startsWith("no notifications yet"), run());
    SeedOutputs seed = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000", Progress.silent(), false).apply();
    var ec2 = CLOUD.clients("000000000000").ec2();
    String serviceId = ec2.describeVpcEndpointServiceConfigurations().serviceConfigurations().getFirst().serviceId();
    ec2.createVpcEndpointConnectionNotification(r -> r.serviceId(serviceId)
        .connectionNotificationArn("arn:aws:sns:us-east-1:000000000000:endpoint-events").connectionEvents("Delete"));
    ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId()));
    CLOUD.quiesce();

    List<String> table = run().lines().toList();
    assertTrue(table.getFirst().matches("TIME +EVENT +ENDPOINT +OWNER +STATE"), table.toString());
    assertTrue(table.get(1).matches("\\S+ +Delete +" + seed.vpcEndpointId() + " +000000000000 +\\S+"), table.toString());
    List<String> raw = run("--json").lines().toList();
    assertEquals(table.size() - 1, raw.size(), raw.toString());
    assertTrue(raw.getFirst().startsWith("{\"eventType\":\"Delete\""), raw.toString());
  }

  private static String run(String... more) {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      List<String> words = new java.util.ArrayList<>(List.of("notifications", "--data-dir", CLOUD.dataDir().toString()));
      words.addAll(List.of(more));
      assertEquals(0, Main.run(words));
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(saved);
    }
  }
}
