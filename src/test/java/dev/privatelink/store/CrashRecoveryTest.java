package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * kill -9 of a server in the middle of a stream of changes, then a restart on the same data dir:
 * every acknowledged change is there, and nothing half-made is (each VPC comes back whole, with
 * its default security group and main route table).
 */
class CrashRecoveryTest {
  @TempDir
  Path tmp;

  @Test
  void acknowledgedChangesSurviveKillNine() throws Exception {
    Path dataDir = tmp.resolve("data");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    String subnetId;
    try (ServerProcess server = new ServerProcess(dataDir, List.of("--no-dataplane")).start();
         StackClients c = new StackClients(server.endpoint(), "111111111111", Region.US_EAST_1)) {
      String vpc = c.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
      c.ec2().createTags(r -> r.resources(vpc).tags(t -> t.key("Name").value("kept")));
      subnetId = c.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
      acknowledged.add(vpc);
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = Thread.ofPlatform().start(() -> {
        while (!stop.get()) {
          try {
            acknowledged.add(c.ec2().createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId());
          } catch (RuntimeException killed) {
            return;
          }
        }
      });
      Thread.sleep(1500);
      server.kill();
      stop.set(true);
      writer.join();
    }
    assertTrue(acknowledged.size() > 5, "the writer got some changes in before the kill: " + acknowledged.size());
    try (ServerProcess again = new ServerProcess(dataDir, List.of("--no-dataplane")).start();
         StackClients c = new StackClients(again.endpoint(), "111111111111", Region.US_EAST_1)) {
      // The account's default VPC is there too; it is not one of the writer's.
      List<Vpc> vpcs = c.ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("false").build())).vpcs();
      Set<String> ids = new java.util.HashSet<>(vpcs.stream().map(Vpc::vpcId).toList());
      assertTrue(ids.containsAll(acknowledged), "every acknowledged VPC is back");
      assertTrue(ids.size() <= acknowledged.size() + 1, "at most the one in flight at the kill is extra");
      for (String id : ids) {
        var groups = c.ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(id).build(),
            Filter.builder().name("group-name").values("default").build())).securityGroups();
        assertEquals(1, groups.size(), "VPC " + id + " came back whole, with its default group");
      }
      assertEquals("kept", c.ec2().describeTags(r -> r.filters(Filter.builder().name("key").values("Name").build()))
          .tags().getFirst().value());
      assertEquals(subnetId, c.ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets().getFirst().subnetId());
    }
    assertTrue(Files.size(Journal.segments(dataDir).getLast()) > 0);
  }
}
