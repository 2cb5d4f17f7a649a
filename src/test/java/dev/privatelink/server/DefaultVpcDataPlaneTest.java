package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The default VPC on the host: unused, it makes no namespace; two instances launched without a
 * subnet land in its default subnets and talk to each other through its default security group;
 * once they are gone, so is the namespace.
 */
@NetnsTest
class DefaultVpcDataPlaneTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();

  @Test
  void instancesWithoutASubnetLandInTheDefaultVpcAndCarryTraffic() throws Exception {
    StackClients c = CLOUD.clients("123456789012");
    var ec2 = c.ec2();
    String vpcId = ec2.describeVpcs(r -> r.filters(Filter.builder().name("isDefault").values("true").build()))
        .vpcs().getFirst().vpcId();
    String subnetA = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("availability-zone").values("us-east-1a").build())).subnets().getFirst().subnetId();
    CLOUD.quiesce();
    Thread.sleep(1000);
    assertFalse(namespaceExists(vpcId), "an unused default VPC makes no namespace");

    String image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    String server = "#!/bin/sh\ncd /tmp && echo default-vpc-page > index.html\n"
        + "nohup python3 -m http.server 8000 --bind 0.0.0.0 > /tmp/http.log 2>&1 &\necho http server started\n";
    Instance web = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
        .userData(Base64.getEncoder().encodeToString(server.getBytes(StandardCharsets.UTF_8)))).instances().getFirst();
    Instance client = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
        .placement(p -> p.availabilityZone("us-east-1b"))).instances().getFirst();
    assertEquals(vpcId, web.vpcId());
    assertEquals(subnetA, web.subnetId(), "no subnet and no zone: the default subnet of the first zone");
    assertTrue(web.privateIpAddress().startsWith("172.31."), web.privateIpAddress());
    assertTrue(client.privateIpAddress().startsWith("172.31.1") || client.privateIpAddress().startsWith("172.31.2"),
        client.privateIpAddress());
    await("both instances running", () -> running(c, web.instanceId()) && running(c, client.instanceId()));
    assertTrue(namespaceExists(vpcId), "the default VPC is on the host once it holds instances");
    await("the web server listening", () -> exec(web.instanceId(), "ss", "-ltn").contains(":8000"));
    String page = exec(client.instanceId(), "curl", "-s", "-m", "10", "http://" + web.privateIpAddress() + ":8000/");
    assertTrue(page.contains("default-vpc-page"), "the client got: " + page);

    ec2.terminateInstances(r -> r.instanceIds(web.instanceId(), client.instanceId()));
    await("the default VPC's namespace gone with its instances", () -> !namespaceExists(vpcId));
  }

  private static boolean namespaceExists(String vpcId) {
    return Files.exists(Path.of("/run/netns", HostNames.vpcNamespace(vpcId)));
  }

  private static boolean running(StackClients c, String id) {
    return "running".equals(c.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
        .getFirst().state().nameAsString());
  }

  private static String exec(String instanceId, String... command) {
    try {
      Process p = InstanceRuntime.execFromOutside(CLOUD.dataDir(), instanceId, List.of(command), false)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Polls until done, failing after a minute: waiting on AWS-style asynchronous states, not timing them. */
  private static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
