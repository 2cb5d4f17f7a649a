package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.MutationLog;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.model.IdSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.core.SdkRequest;

class TagAndNetworkTest {
  private final Ec2Fixture f = new Ec2Fixture();
  private static final Scope SCOPE = new Scope(Ec2Fixture.ACCOUNT, Ec2Fixture.REGION);

  @Test
  void tagsOnAnyResourceAndNotFoundByKind() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    f.call(CreateTagsRequest.builder().resources(vpcId, subnetId).tags(Tag.builder().key("env").value("dev").build()).build());
    DescribeTagsResponse d = f.call(DescribeTagsRequest.builder()
        .filters(Filter.builder().name("resource-type").values("subnet").build()).build());
    assertEquals(1, d.tags().size());
    assertEquals(subnetId, d.tags().get(0).resourceId());
    f.fails("InvalidVpcID.NotFound", CreateTagsRequest.builder().resources("vpc-00000000000000000")
        .tags(Tag.builder().key("a").value("b").build()).build());
    f.fails("InvalidInstanceID.NotFound", CreateTagsRequest.builder().resources(vpcId, "i-00000000000000000")
        .tags(Tag.builder().key("a").value("b").build()).build());
    f.call(DeleteTagsRequest.builder().resources(vpcId).tags(Tag.builder().key("env").build()).build());
    d = f.call(DescribeTagsRequest.builder().filters(Filter.builder().name("resource-id").values(vpcId).build()).build());
    assertTrue(d.tags().isEmpty());
  }

  @Test
  void otherFeaturesRegisterTheirIdPrefixes() {
    f.cloud.configure(features -> {
      features.ec2().taggable().register("vpce", "vpc-endpoint", (s, id) -> id.equals("vpce-11111111111111111"),
          id -> AwsException.badRequest("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist"));
      features.ec2().taggable().register("vpce-svc", "vpc-endpoint-service", (s, id) -> false,
          id -> AwsException.badRequest("InvalidVpcEndpointServiceId.NotFound", "missing " + id));
    });
    f.call(CreateTagsRequest.builder().resources("vpce-11111111111111111").tags(Tag.builder().key("a").value("b").build()).build());
    f.fails("InvalidVpcEndpointServiceId.NotFound", CreateTagsRequest.builder().resources("vpce-svc-11111111111111111")
        .tags(Tag.builder().key("a").value("b").build()).build());
  }

  @Test
  void managedInterfacesTakeAddressesAndShowAsRequesterManaged() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/28", "us-east-1a");
    var ctx = new RequestContext(Ec2Fixture.ACCOUNT, Ec2Fixture.REGION, Ec2Fixture.PRINCIPAL, Instant.now(), new IdSource(7));
    Network network = f.cloud.read(features -> features.ec2().network());
    var info = network.createManagedInterface(ctx, new Network.ManagedInterface(subnetId, List.of(), "vpc_endpoint",
        "VPC Endpoint Interface vpce-11111111111111111", "111111111111",
        new InterfaceOwner.VpcEndpoint("vpce-11111111111111111")));
    assertEquals("10.0.0.4", info.privateIp());
    assertEquals("us-east-1a", info.availabilityZone());
    DescribeNetworkInterfacesResponse d = f.call(DescribeNetworkInterfacesRequest.builder()
        .filters(Filter.builder().name("requester-managed").values("true").build(),
            Filter.builder().name("interface-type").values("vpc_endpoint").build()).build());
    var eni = d.networkInterfaces().get(0);
    assertEquals("in-use", eni.statusAsString());
    assertTrue(eni.requesterManaged());
    assertTrue(eni.groups().isEmpty(), "a managed ENI has exactly the groups its service asked for, here none");
    var projected = f.cloud.read(features -> features.ec2().networkInterfaces()).get(0);
    assertEquals("vpce-11111111111111111", projected.getValue().owner().id());
    for (int i = 0; i < 10; i++) {
      network.createManagedInterface(ctx, new Network.ManagedInterface(subnetId, List.of(), "network_load_balancer", "ELB net/x/1", "amazon-elb",
          new InterfaceOwner.LoadBalancerNode("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/x/1")));
    }
    AwsException full = assertThrows(AwsException.class, () -> network.createManagedInterface(ctx,
        new Network.ManagedInterface(subnetId, List.of(), "network_load_balancer", "ELB net/x/1", "amazon-elb",
          new InterfaceOwner.LoadBalancerNode("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/x/1"))));
    assertEquals("InsufficientFreeAddressesInSubnet", full.code());
    network.deleteManagedInterface(SCOPE, info.networkInterfaceId());
    network.deleteManagedInterface(SCOPE, info.networkInterfaceId());
    assertEquals("InvalidVpcID.NotFound", assertThrows(AwsException.class, () -> network.vpc(SCOPE, "vpc-0")).code());
    assertEquals(6, network.availabilityZones("us-east-1").size());
  }

  @Test
  void replayingTheJournalRebuildsIdenticalState() {
    var log = new dev.privatelink.control.MemoryLog();
    Ec2Fixture original = new Ec2Fixture(new Cloud(log, Clock.systemUTC()));
    String vpc = original.vpc("10.0.0.0/16");
    String subnet = original.subnet(vpc, "10.0.0.0/24", "us-east-1a");
    original.call(CreateKeyPairRequest.builder().keyName("k").build());
    original.call(RunInstancesRequest.builder().imageId(original.al2023()).instanceType("t3.nano").subnetId(subnet)
        .keyName("k").minCount(2).maxCount(2).build());
    original.ready(vpc);

    Ec2Fixture replayed = new Ec2Fixture(log.replayed());
    List<SdkRequest> reads = List.of(DescribeInstancesRequest.builder().build(), DescribeKeyPairsRequest.builder()
        .includePublicKey(true).build(), DescribeNetworkInterfacesRequest.builder().build(), DescribeVpcsRequest.builder().build());
    for (SdkRequest read : reads) {
      assertEquals((Object) original.call(read), replayed.call(read));
    }
    assertNotEquals(0, log.entries().size());
  }
}
