package dev.privatelink.privatelink;

import static dev.privatelink.privatelink.TwoAccountWorld.CONSUMER;
import static dev.privatelink.privatelink.TwoAccountWorld.PROVIDER;
import static dev.privatelink.privatelink.TwoAccountWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * PrivateLink carrying real flows across two accounts whose VPCs share 10.0.0.0/16: who may
 * connect, acceptance, rejection and deletion closing open connections, the endpoint's security
 * groups, what the consumer can reach of the provider, and the Proxy Protocol v2 header a real
 * target receives. Everything through the AWS SDK and from inside the consumer's instance.
 */
@NetnsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivateLinkEndToEndTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  static TwoAccountWorld world;

  @BeforeAll
  static void build() throws IOException {
    world = new TwoAccountWorld(CLOUD.clients(PROVIDER), CLOUD.clients(CONSUMER), CLOUD.dataDir());
    world.build();
  }

  private void allowConsumer() {
    world.provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(world.serviceId)
        .addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root"));
  }

  private String createEndpoint(String groupId) {
    return world.consumer.ec2().createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(world.consumerVpc)
        .serviceName(world.serviceName).subnetIds(world.consumerSubnets).securityGroupIds(groupId)).vpcEndpoint().vpcEndpointId();
  }

  private void accept(String endpointId) {
    world.provider.ec2().acceptVpcEndpointConnections(r -> r.serviceId(world.serviceId).vpcEndpointIds(endpointId));
    await("endpoint available", () -> "available".equals(world.endpointState(endpointId)));
  }

  @Test
  @Order(1)
  void consumerIsRefusedUntilAllowedThenWaitsForAcceptance() throws IOException {
    var refused = assertThrows(Ec2Exception.class, () -> createEndpoint(world.allowGroup));
    assertEquals("InvalidServiceName", refused.awsErrorDetails().errorCode());
    allowConsumer();

    String endpoint = createEndpoint(world.allowGroup);
    assertEquals("pendingAcceptance", world.endpointState(endpoint));
    String eniIp = world.endpointIps(endpoint).getFirst();
    String before = world.probeFromConsumer(eniIp);
    assertFalse(before.startsWith("src="), "a pending endpoint carries nothing: " + before);

    accept(endpoint);
    String reply = world.probeFromConsumer(world.regionalName(endpoint));
    assertTrue(reply.startsWith("src=" + world.consumerIp() + ":"), "PPv2 carries the consumer's address: " + reply);
    assertTrue(reply.contains(" vpce=" + endpoint), "PPv2 TLV 0xEA carries the endpoint id: " + reply);
    assertTrue(reply.contains(" dst=" + eniIp + ":" + TwoAccountWorld.PORT) || world.endpointIps(endpoint).stream()
        .anyMatch(ip -> reply.contains(" dst=" + ip + ":")), "destination is an endpoint ENI: " + reply);
  }

  @Test
  @Order(2)
  void rejectingClosesOpenConnectionsAndCarriesNothingMore() throws Exception {
    allowConsumer();
    String endpoint = createEndpoint(world.allowGroup);
    accept(endpoint);
    String name = world.regionalName(endpoint);
    Process held = world.holdFromConsumer(name);
    BufferedReader out = new BufferedReader(new InputStreamReader(held.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertTrue(first != null && first.startsWith("src="), "the held connection was carried: " + first);

    world.provider.ec2().rejectVpcEndpointConnections(r -> r.serviceId(world.serviceId).vpcEndpointIds(endpoint));
    assertTrue(held.waitFor(30, TimeUnit.SECONDS), "the held connection ended");
    String ended = out.readLine();
    assertTrue(ended.equals("ended: reset") || ended.equals("ended: eof"), "closed by the far end: " + ended);
    assertEquals("rejected", world.endpointState(endpoint));
    assertFalse(world.probeFromConsumer(world.endpointIps(endpoint).getFirst()).startsWith("src="));
  }

  @Test
  @Order(3)
  void deletingClosesOpenConnections() throws Exception {
    allowConsumer();
    String endpoint = createEndpoint(world.allowGroup);
    accept(endpoint);
    Process held = world.holdFromConsumer(world.regionalName(endpoint));
    BufferedReader out = new BufferedReader(new InputStreamReader(held.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertTrue(first != null && first.startsWith("src="), "the held connection was carried: " + first);

    world.consumer.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint));
    assertTrue(held.waitFor(30, TimeUnit.SECONDS), "the held connection ended");
    String ended = out.readLine();
    assertTrue(ended.equals("ended: reset") || ended.equals("ended: eof"), ended);
  }

  @Test
  @Order(4)
  void theEndpointsSecurityGroupsDecide() throws IOException {
    allowConsumer();
    String endpoint = createEndpoint(world.wrongGroup);
    accept(endpoint);
    String name = world.regionalName(endpoint);
    assertFalse(world.probeFromConsumer(name).startsWith("src="), "a group without the port blocks the consumer");
    world.consumer.ec2().modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint).addSecurityGroupIds(world.allowGroup)
        .removeSecurityGroupIds(world.wrongGroup));
    await("the right group lets the consumer in", () -> {
      try {
        return world.probeFromConsumer(name).startsWith("src=");
      } catch (IOException e) {
        return false;
      }
    });
  }

  @Test
  @Order(5)
  void theConsumerReachesNothingOfTheProviderButTheEndpoint() throws IOException {
    allowConsumer();
    String endpoint = createEndpoint(world.allowGroup);
    accept(endpoint);
    List<String> endpointIps = world.endpointIps(endpoint);
    List<String> anyEndpointIp = world.consumer.ec2().describeNetworkInterfaces(r -> r.filters(
        f -> f.name("interface-type").values("vpc_endpoint"))).networkInterfaces().stream().map(n -> n.privateIpAddress()).toList();
    List<String> providerAddresses = new java.util.ArrayList<>(world.nlbNodeIps);
    providerAddresses.add(world.providerInstanceIp);
    for (String ip : providerAddresses) {
      String reply = world.probeFromConsumer(ip);
      if (anyEndpointIp.contains(ip)) {
        assertTrue(!reply.startsWith("src=") || reply.contains(" vpce=vpce-"),
            "an address that is also one of the consumer's endpoint ENIs leads only through an endpoint: " + reply);
        continue;
      }
      assertFalse(reply.startsWith("src="), "provider address " + ip + " is not reachable from the consumer: " + reply);
    }
    assertNotEquals(0, endpointIps.size());
    String inZoneA = world.endpointIp(endpoint, "us-east-1a");
    String inZoneB = world.endpointIp(endpoint, "us-east-1b");
    assertTrue(world.probeFromConsumer(inZoneA).startsWith("src="), "the ENI in the target's zone carries the flow");
    assertFalse(world.probeFromConsumer(inZoneB).startsWith("src="),
        "cross-zone is off: the NLB node of us-east-1b has no target in its zone");
    world.provider.elb().modifyLoadBalancerAttributes(r -> r.loadBalancerArn(world.nlbArn).attributes(
        a -> a.key("load_balancing.cross_zone.enabled").value("true")));
    await("cross-zone carries the other zone's flows", () -> {
      try {
        return world.probeFromConsumer(inZoneB).startsWith("src=");
      } catch (IOException e) {
        return false;
      }
    });
  }

  @Test
  @Order(6)
  void anEndpointToAnAwsServiceResolvesToItsEnisAndRefusesConnections() throws IOException {
    String endpoint = world.consumer.ec2().createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(world.consumerVpc)
        .serviceName("com.amazonaws.us-east-1.sts").subnetIds(world.consumerSubnets).securityGroupIds(world.allowGroup))
        .vpcEndpoint().vpcEndpointId();
    await("endpoint to sts available", () -> "available".equals(world.endpointState(endpoint)));
    assertEquals("refused", world.probeFromConsumer("sts.us-east-1.amazonaws.com"),
        "the private DNS name leads to the endpoint's ENIs, where no AWS service answers");
    assertEquals("refused", world.probeFromConsumer(world.regionalName(endpoint)));
    world.consumer.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint));
    await("endpoint to sts gone", () -> world.consumer.ec2().describeVpcEndpoints(r -> r.filters(f -> f.name("vpc-endpoint-id")
        .values(endpoint))).vpcEndpoints().isEmpty());
  }
}
