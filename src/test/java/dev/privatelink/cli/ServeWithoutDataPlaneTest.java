package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * {@code serve --no-dataplane}, the mode for hosts without root: the whole AWS API answers through
 * the SDK, resources settle at once, and nothing is made on the host. Not a netns test: it must
 * pass anywhere, so it only reads the namespace list, which needs no privilege.
 */
class ServeWithoutDataPlaneTest {
  private static final String ACCOUNT = "000000000000";

  @TempDir
  Path tmp;

  @Test
  void servesTheApiAndMakesNoNamespace() throws Exception {
    try (ServerProcess server = new ServerProcess(tmp.resolve("data"), List.of("--no-dataplane")).start();
         StackClients c = new StackClients(server.endpoint(), ACCOUNT, Region.US_EAST_1)) {
      String vpcId = c.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
      String subnetId = c.ec2().createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.9.1.0/24").availabilityZone("us-east-1a"))
          .subnet().subnetId();
      String imageId = c.ec2().describeImages(r -> r.owners("amazon").filters(
          Filter.builder().name("name").values("al2023-ami-2023.*-x86_64").build())).images().getFirst().imageId();
      String instanceId = c.ec2().runInstances(r -> r.imageId(imageId).instanceType("t3.nano").minCount(1).maxCount(1)
          .subnetId(subnetId)).instances().getFirst().instanceId();

      List<Vpc> vpcs = c.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs();
      assertEquals(1, vpcs.size());
      assertEquals("10.9.0.0/16", vpcs.getFirst().cidrBlock());
      Instance instance = c.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst()
          .instances().getFirst();
      assertEquals(InstanceStateName.RUNNING, instance.state().name(), "without a data plane instances run at once");

      String namespaces = Host.run("ip", "netns", "list");
      assertFalse(namespaces.contains("pl-" + vpcId), namespaces);
      assertFalse(namespaces.contains("pl-" + instanceId), namespaces);

      // The CLI's reset, with the data dir's token: one account, then the whole cloud.
      try (StackClients other = new StackClients(server.endpoint(), "222222222222", Region.US_EAST_1)) {
        other.ec2().createVpc(r -> r.cidrBlock("10.8.0.0/16"));
        String dir = tmp.resolve("data").toString();
        assertEquals(0, Main.run(List.of("reset", "--account", ACCOUNT, "--data-dir", dir)));
        assertEquals(List.of(true), c.ec2().describeVpcs().vpcs().stream().map(Vpc::isDefault).toList());
        assertEquals(2, other.ec2().describeVpcs().vpcs().size(), "its own VPC and its default VPC");
        assertEquals(0, Main.run(List.of("reset", "--all", "--data-dir", dir)));
        assertEquals(List.of(true), other.ec2().describeVpcs().vpcs().stream().map(Vpc::isDefault).toList());
      }
    }
  }
}
