package dev.privatelink.control.privatelink;

import static dev.privatelink.control.privatelink.World.CONSUMER_SCOPE;
import static dev.privatelink.control.privatelink.World.fails;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.*;

class VpcEndpointsTest {
  private final World w = new World();

  @Test
  void aConsumerThatIsNotAllowedSeesNoService() {
    var s = w.service(false);
    fails("InvalidServiceName", () -> w.endpoint(s, w.subnetA));
    fails("InvalidServiceName", () -> w.consumer(DescribeVpcEndpointServicesRequest.builder()
        .serviceNames(s.serviceName()).build()));
    DescribeVpcEndpointServicesResponse none = w.consumer(DescribeVpcEndpointServicesRequest.builder().build());
    assertTrue(none.serviceDetails().stream().allMatch(d -> d.owner().equals("amazon")), "only AWS's own services");
    assertTrue(w.network.enis.isEmpty());
  }

  @Test
  void anAllowedConsumerSeesTheServiceDetails() {
    var s = w.service(true);
    w.allow(s, "arn:aws:iam::222222222222:root");
    DescribeVpcEndpointServicesResponse r = w.consumer(DescribeVpcEndpointServicesRequest.builder()
        .filters(Filter.builder().name("owner").values(World.PROVIDER).build()).build());
    ServiceDetail d = r.serviceDetails().getFirst();
    assertEquals(List.of(s.serviceName()), r.serviceNames());
    assertEquals(World.PROVIDER, d.owner());
    assertEquals(List.of("us-east-1a", "us-east-1b"), d.availabilityZones());
    assertEquals("us-east-1", d.serviceRegion());
    assertFalse(d.vpcEndpointPolicySupported());
    assertTrue(d.acceptanceRequired());
  }

  @Test
  void endpointWaitsForAcceptanceThenForTheDataPlane() {
    var s = w.service(true);
    w.allow(s, "arn:aws:iam::222222222222:role/app");
    var denied = fails("InvalidServiceName", () -> w.endpoint(s, w.subnetA));
    assertTrue(denied.getMessage().contains(s.serviceName()));
    w.allow(s, "*");
    VpcEndpoint e = w.endpoint(s, w.subnetA, w.subnetB);
    assertTrue(e.vpcEndpointId().matches("vpce-[0-9a-f]{17}"), e.vpcEndpointId());
    assertEquals("pendingAcceptance", e.stateAsString());
    assertEquals("Interface", e.vpcEndpointTypeAsString());
    assertEquals(World.CONSUMER, e.ownerId());
    assertFalse(e.requesterManaged());
    assertTrue(e.hasRouteTableIds(), "an interface endpoint lists no route tables, as an empty set");
    assertEquals(List.of(), e.routeTableIds());
    assertEquals(VpcEndpoints.FULL_ACCESS_POLICY, e.policyDocument(), "the fixed full-access policy is shown");
    assertFalse(e.privateDnsEnabled());
    assertEquals(List.of(w.network.defaultSecurityGroupId(CONSUMER_SCOPE, w.consumerVpc)),
        e.groups().stream().map(SecurityGroupIdentifier::groupId).toList());
    assertEquals("default", e.groups().getFirst().groupName());
    assertEquals(2, e.networkInterfaceIds().size());
    var eni = w.network.enis.get(e.networkInterfaceIds().getFirst());
    assertEquals("vpc_endpoint", eni.interfaceType());
    assertEquals("VPC Endpoint Interface " + e.vpcEndpointId(), eni.description());
    assertDnsEntries(e, s);

    var connection = w.connections().getFirst();
    assertEquals(e.vpcEndpointId(), connection.vpcEndpointId());
    assertEquals(World.CONSUMER, connection.vpcEndpointOwner());
    assertEquals("pendingAcceptance", connection.vpcEndpointStateAsString());
    assertEquals(s.networkLoadBalancerArns(), connection.networkLoadBalancerArns());
    assertFalse(w.ready(e.vpcEndpointId()), "not before the provider accepts");

    AcceptVpcEndpointConnectionsResponse accepted = w.provider(AcceptVpcEndpointConnectionsRequest.builder()
        .serviceId(s.serviceId()).vpcEndpointIds(e.vpcEndpointId(), "vpce-00000000000000000").build());
    assertEquals(List.of("InvalidVpcEndpointId.NotFound"),
        accepted.unsuccessful().stream().map(u -> u.error().code()).toList());
    assertEquals("pending", w.describeEndpoint(e.vpcEndpointId()).stateAsString());
    assertTrue(w.ready(e.vpcEndpointId()));
    assertEquals("available", w.describeEndpoint(e.vpcEndpointId()).stateAsString());

    var projected = w.privateLink().endpoints().getFirst();
    assertTrue(projected.available());
    assertEquals(w.providerVpc, projected.providerVpcId());
    assertEquals(w.consumerVpc, projected.consumerVpcId());
    assertEquals(World.PROVIDER, projected.providerAccountId());
    assertEquals(2, projected.enis().size());
    assertEquals("us-east-1a", projected.zonalDnsNames().getFirst().availabilityZone());
  }

  private static void assertDnsEntries(VpcEndpoint e, ServiceConfiguration s) {
    String base = s.serviceId() + ".us-east-1.vpce.amazonaws.com";
    List<String> names = e.dnsEntries().stream().map(DnsEntry::dnsName).toList();
    assertEquals(3, names.size());
    assertTrue(names.get(0).matches(e.vpcEndpointId() + "-[a-z0-9]{8}\\." + base.replace(".", "\\.")), names.get(0));
    String label = names.get(0).substring(e.vpcEndpointId().length() + 1, e.vpcEndpointId().length() + 9);
    assertEquals(e.vpcEndpointId() + "-" + label + "-us-east-1a." + base, names.get(1));
    assertEquals(e.vpcEndpointId() + "-" + label + "-us-east-1b." + base, names.get(2));
    assertTrue(e.dnsEntries().stream().allMatch(d -> d.hostedZoneId().equals("Z7HUB22UULQXV")));
  }

  @Test
  void withoutAcceptanceTheEndpointIsPendingAndRejectingAnAvailableOneStopsIt() {
    var s = w.service(false);
    w.allow(s, "arn:aws:iam::222222222222:root");
    VpcEndpoint e = w.endpoint(s, w.subnetA);
    assertEquals("pending", e.stateAsString());
    w.ready(e.vpcEndpointId());
    w.provider(ModifyVpcEndpointServicePermissionsRequest.builder().serviceId(s.serviceId())
        .removeAllowedPrincipals("arn:aws:iam::222222222222:root").build());
    assertEquals("available", w.describeEndpoint(e.vpcEndpointId()).stateAsString(), "removal leaves it alone");
    RejectVpcEndpointConnectionsResponse r = w.provider(RejectVpcEndpointConnectionsRequest.builder()
        .serviceId(s.serviceId()).vpcEndpointIds(e.vpcEndpointId()).build());
    assertTrue(r.unsuccessful().isEmpty());
    assertEquals("rejected", w.describeEndpoint(e.vpcEndpointId()).stateAsString());
    assertFalse(w.privateLink().endpoints().getFirst().available());
    RejectVpcEndpointConnectionsResponse again = w.provider(RejectVpcEndpointConnectionsRequest.builder()
        .serviceId(s.serviceId()).vpcEndpointIds(e.vpcEndpointId()).build());
    assertEquals("InvalidState", again.unsuccessful().getFirst().error().code());
  }

  @Test
  void deleteReleasesInterfacesAndTheEndpointVanishesOnceTheHostLetsGo() {
    var s = w.service(false);
    w.allow(s, "*");
    VpcEndpoint e = w.endpoint(s, w.subnetA);
    DeleteVpcEndpointsResponse r = w.consumer(DeleteVpcEndpointsRequest.builder()
        .vpcEndpointIds(e.vpcEndpointId(), "vpce-00000000000000000").build());
    assertEquals("InvalidVpcEndpointId.NotFound", r.unsuccessful().getFirst().error().code());
    assertEquals("deleting", w.describeEndpoint(e.vpcEndpointId()).stateAsString());
    assertTrue(w.network.enis.isEmpty());
    assertTrue(w.ready(e.vpcEndpointId()));
    fails("InvalidVpcEndpointId.NotFound", () -> w.describeEndpoint(e.vpcEndpointId()));
    assertTrue(w.connections().isEmpty());
  }

  @Test
  void subnetsMustBeOnePerOfferedZoneAndAFailedCreateLeavesNothing() {
    var s = w.service(false);
    w.allow(s, "*");
    String secondInA = w.network.addSubnet(w.consumerVpc, "us-east-1a");
    fails("DuplicateSubnetsInSameZone", () -> w.endpoint(s, w.subnetA, secondInA));
    fails("InvalidParameter", () -> w.endpoint(s, w.subnetC));
    w.network.capacity.put(w.subnetB, 0);
    fails("InsufficientFreeAddressesInSubnet", () -> w.endpoint(s, w.subnetA, w.subnetB));
    assertTrue(w.network.enis.isEmpty());
    DescribeVpcEndpointsResponse all = w.consumer(DescribeVpcEndpointsRequest.builder().build());
    assertTrue(all.vpcEndpoints().isEmpty());
  }

  @Test
  void typeDefaultsToGatewayWhichEndpointServicesDoNotOffer() {
    var s = w.service(false);
    w.allow(s, "*");
    var e = fails("InvalidParameter", () -> w.consumer(CreateVpcEndpointRequest.builder().vpcId(w.consumerVpc)
        .serviceName(s.serviceName()).subnetIds(w.subnetA).build()));
    assertTrue(e.getMessage().contains("Gateway"), e.getMessage());
  }

  @Test
  void privateDnsNeedsAVerifiedNameAndVpcDnsAttributes() {
    String nlb = w.balancers.add(World.PROVIDER_SCOPE, w.providerVpc, "active", "us-east-1a");
    CreateVpcEndpointServiceConfigurationResponse created = w.provider(CreateVpcEndpointServiceConfigurationRequest
        .builder().networkLoadBalancerArns(nlb).privateDnsName("api.example.com").acceptanceRequired(false).build());
    var s = created.serviceConfiguration();
    w.allow(s, "*");
    var request = CreateVpcEndpointRequest.builder().vpcEndpointType(VpcEndpointType.INTERFACE).vpcId(w.consumerVpc)
        .serviceName(s.serviceName()).subnetIds(w.subnetA).privateDnsEnabled(true).build();
    fails("InvalidParameter", () -> w.consumer(request));
    w.provider(StartVpcEndpointServicePrivateDnsVerificationRequest.builder().serviceId(s.serviceId()).build());
    String plainVpc = w.network.addVpc(CONSUMER_SCOPE, true, false);
    fails("InvalidParameter", () -> w.consumer(request.toBuilder().vpcId(plainVpc).subnetIds(List.of()).build()));
    CreateVpcEndpointResponse r = w.consumer(request);
    var entries = r.vpcEndpoint().dnsEntries();
    assertEquals("api.example.com", entries.getLast().dnsName());
    assertTrue(r.vpcEndpoint().privateDnsEnabled());
    assertEquals("api.example.com", w.privateLink().endpoints().getFirst().privateDnsName());
    // A second endpoint in the VPC would shadow the name.
    fails("InvalidParameter", () -> w.consumer(request));
  }

  @Test
  void modifyAddsAndRemovesSubnetsAndSecurityGroups() {
    var s = w.service(false);
    w.allow(s, "*");
    VpcEndpoint e = w.endpoint(s, w.subnetA);
    String sg = w.network.addGroup(w.consumerVpc, "endpoint");
    String oldEni = e.networkInterfaceIds().getFirst();
    w.consumer(ModifyVpcEndpointRequest.builder().vpcEndpointId(e.vpcEndpointId()).addSubnetIds(w.subnetB)
        .removeSubnetIds(w.subnetA).addSecurityGroupIds(sg).build());
    var changed = w.describeEndpoint(e.vpcEndpointId());
    assertEquals(List.of(w.subnetB), changed.subnetIds());
    assertFalse(w.network.enis.containsKey(oldEni));
    assertEquals(2, changed.groups().size());
    assertEquals(2, w.network.enis.get(changed.networkInterfaceIds().getFirst()).groupIds().size());
    fails("InvalidParameter", () -> w.consumer(ModifyVpcEndpointRequest.builder().vpcEndpointId(e.vpcEndpointId())
        .removeSecurityGroupIds(changed.groups().stream().map(SecurityGroupIdentifier::groupId).toList()).build()));
    assertEquals(2, w.describeEndpoint(e.vpcEndpointId()).groups().size());
  }

  @Test
  void aVpcHoldsAtMostFiftyEndpoints() {
    var s = w.service(false);
    w.allow(s, "*");
    for (int i = 0; i < VpcEndpoints.ENDPOINTS_PER_VPC; i++) {
      w.endpoint(s);
    }
    fails("VpcEndpointLimitExceeded", () -> w.endpoint(s));
  }

  @Test
  void describeFiltersByStateAndTag() {
    var s = w.service(true);
    w.allow(s, "*");
    CreateVpcEndpointResponse tagged = w.consumer(CreateVpcEndpointRequest.builder().vpcEndpointType("Interface")
        .vpcId(w.consumerVpc).serviceName(s.serviceName()).subnetIds(w.subnetA)
        .tagSpecifications(TagSpecification.builder().resourceType("vpc-endpoint")
            .tags(Tag.builder().key("Name").value("web").build()).build()).build());
    w.endpoint(s, w.subnetB);
    DescribeVpcEndpointsResponse r = w.consumer(DescribeVpcEndpointsRequest.builder()
        .filters(Filter.builder().name("tag:Name").values("web").build(),
            Filter.builder().name("vpc-endpoint-state").values("pendingAcceptance").build()).build());
    assertEquals(List.of(tagged.vpcEndpoint().vpcEndpointId()),
        r.vpcEndpoints().stream().map(VpcEndpoint::vpcEndpointId).toList());
    fails("InvalidVpcEndpointId.NotFound", () -> w.describeEndpoint("vpce-00000000000000000"));
  }
}
