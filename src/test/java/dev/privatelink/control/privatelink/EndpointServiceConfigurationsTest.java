package dev.privatelink.control.privatelink;

import static dev.privatelink.control.privatelink.World.PROVIDER_SCOPE;
import static dev.privatelink.control.privatelink.World.fails;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.*;

class EndpointServiceConfigurationsTest {
  private final World w = new World();

  @Test
  void createsAnAvailableInterfaceServiceInFrontOfAnActiveNlb() {
    ServiceConfiguration s = w.service(false);
    assertTrue(s.serviceId().matches("vpce-svc-[0-9a-f]{17}"), s.serviceId());
    assertEquals("com.amazonaws.vpce.us-east-1." + s.serviceId(), s.serviceName());
    assertEquals(List.of(s.serviceId() + ".us-east-1.vpce.amazonaws.com"), s.baseEndpointDnsNames());
    assertEquals("Available", s.serviceStateAsString());
    assertEquals(List.of("us-east-1a", "us-east-1b"), s.availabilityZones());
    assertEquals("Interface", s.serviceType().getFirst().serviceTypeAsString());
    assertEquals(List.of("ipv4"), s.supportedIpAddressTypesAsStrings());
    assertEquals("ServiceOwner", s.payerResponsibilityAsString());
    assertFalse(s.acceptanceRequired());
    assertFalse(s.managesVpcEndpoints());
    // AWS lists the service's own region as supported, and sends an empty private DNS name
    // configuration for a service without a private DNS name.
    assertEquals("us-east-1", s.supportedRegions().getFirst().region());
    assertEquals("Available", s.supportedRegions().getFirst().serviceState());
    assertEquals(1, s.supportedRegions().size());
    assertNotNull(s.privateDnsNameConfiguration());
    assertNull(s.privateDnsNameConfiguration().stateAsString());
  }

  @Test
  void serviceOfAProvisioningNlbIsPendingUntilReadyAndAcceptanceDefaultsToRequired() {
    String nlb = w.balancers.add(PROVIDER_SCOPE, w.providerVpc, "provisioning", "us-east-1a");
    CreateVpcEndpointServiceConfigurationResponse r = w.provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .networkLoadBalancerArns(nlb).tagSpecifications(TagSpecification.builder().resourceType("vpc-endpoint-service")
            .tags(Tag.builder().key("team").value("a").build()).build()).build());
    var s = r.serviceConfiguration();
    assertEquals("Pending", s.serviceStateAsString());
    assertTrue(s.acceptanceRequired());
    assertEquals("a", s.tags().getFirst().value());
    assertTrue(w.ready(nlb));
    assertEquals("Available", describe(s.serviceId()).serviceStateAsString());
    assertFalse(w.ready(s.serviceId()), "a second report changes nothing");
  }

  @Test
  void refusesMissingForeignOrGatewayLoadBalancersAndChangesNothing() {
    fails("MissingParameter", () -> w.provider(CreateVpcEndpointServiceConfigurationRequest.builder().build()));
    String foreign = w.balancers.add(World.CONSUMER_SCOPE, w.consumerVpc, "active", "us-east-1a");
    fails("InvalidParameter", () -> w.provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .networkLoadBalancerArns(foreign).build()));
    fails("InvalidParameter", () -> w.provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .gatewayLoadBalancerArns("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/x/1").build()));
    DescribeVpcEndpointServiceConfigurationsResponse all = w.provider(
        DescribeVpcEndpointServiceConfigurationsRequest.builder().build());
    assertTrue(all.serviceConfigurations().isEmpty());
  }

  @Test
  void clientTokenMakesCreateIdempotent() {
    String nlb = w.balancers.add(PROVIDER_SCOPE, w.providerVpc, "active", "us-east-1a");
    var request = CreateVpcEndpointServiceConfigurationRequest.builder().networkLoadBalancerArns(nlb)
        .clientToken("tok-1").build();
    CreateVpcEndpointServiceConfigurationResponse a = w.provider(request);
    CreateVpcEndpointServiceConfigurationResponse b = w.provider(request);
    assertEquals(a.serviceConfiguration().serviceId(), b.serviceConfiguration().serviceId());
    assertEquals("tok-1", b.clientToken());
  }

  @Test
  void privateDnsNameWaitsForVerificationWithATxtRecord() {
    String nlb = w.balancers.add(PROVIDER_SCOPE, w.providerVpc, "active", "us-east-1a");
    CreateVpcEndpointServiceConfigurationResponse r = w.provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .networkLoadBalancerArns(nlb).privateDnsName("api.Example.com").build());
    var dns = r.serviceConfiguration().privateDnsNameConfiguration();
    assertEquals("api.example.com", r.serviceConfiguration().privateDnsName());
    assertEquals("pendingVerification", dns.stateAsString());
    assertEquals("TXT", dns.type());
    assertTrue(dns.name().matches("_[a-z0-9]{20}"), dns.name());
    assertTrue(dns.value().startsWith("vpce:"), dns.value());
    var projected = w.privateLink().services().getFirst();
    assertEquals(dns.name() + ".api.example.com", projected.txtRecordName());
    assertEquals(1800, projected.txtRecordTtl());

    w.provider(StartVpcEndpointServicePrivateDnsVerificationRequest.builder()
        .serviceId(r.serviceConfiguration().serviceId()).build());
    assertEquals("verified", describe(r.serviceConfiguration().serviceId()).privateDnsNameConfiguration().stateAsString());
    fails("InvalidParameterValue", () -> w.provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .networkLoadBalancerArns(nlb).privateDnsName("not a name").build()));
  }

  @Test
  void describeHonoursIdsFiltersAndPaging() {
    var first = w.service(false);
    var second = w.service(true);
    fails("InvalidVpcEndpointServiceId.NotFound", () -> describe("vpce-svc-00000000000000000"));
    DescribeVpcEndpointServiceConfigurationsResponse byId = w.provider(DescribeVpcEndpointServiceConfigurationsRequest
        .builder().filters(Filter.builder().name("service-id").values(second.serviceId()).build()).build());
    assertEquals(List.of(second.serviceId()), byId.serviceConfigurations().stream().map(ServiceConfiguration::serviceId).toList());
    fails("InvalidParameterValue", () -> w.provider(DescribeVpcEndpointServiceConfigurationsRequest.builder()
        .filters(Filter.builder().name("color").values("x").build()).build()));
    DescribeVpcEndpointServiceConfigurationsResponse page1 = w.provider(
        DescribeVpcEndpointServiceConfigurationsRequest.builder().maxResults(1).build());
    DescribeVpcEndpointServiceConfigurationsResponse page2 = w.provider(
        DescribeVpcEndpointServiceConfigurationsRequest.builder().maxResults(1).nextToken(page1.nextToken()).build());
    assertEquals(first.serviceId(), page1.serviceConfigurations().getFirst().serviceId());
    assertEquals(second.serviceId(), page2.serviceConfigurations().getFirst().serviceId());
    assertNull(page2.nextToken());
  }

  @Test
  void modifyChangesAcceptanceLoadBalancersAndZones() {
    var s = w.service(false);
    String other = w.balancers.add(PROVIDER_SCOPE, w.providerVpc, "active", "us-east-1c");
    w.provider(ModifyVpcEndpointServiceConfigurationRequest.builder().serviceId(s.serviceId()).acceptanceRequired(true)
        .addNetworkLoadBalancerArns(other).build());
    var changed = describe(s.serviceId());
    assertTrue(changed.acceptanceRequired());
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), changed.availabilityZones());
    fails("InvalidParameter", () -> w.provider(ModifyVpcEndpointServiceConfigurationRequest.builder()
        .serviceId(s.serviceId()).removeNetworkLoadBalancerArns(changed.networkLoadBalancerArns()).build()));
    assertEquals(2, describe(s.serviceId()).networkLoadBalancerArns().size());
  }

  @Test
  void permissionsTakeRootsRolesUsersAndEveryone() {
    var s = w.service(false);
    ModifyVpcEndpointServicePermissionsResponse r = w.provider(ModifyVpcEndpointServicePermissionsRequest.builder()
        .serviceId(s.serviceId()).addAllowedPrincipals("arn:aws:iam::222222222222:root",
            "arn:aws:iam::333333333333:role/app", "arn:aws:iam::333333333333:user/bob", "*").build());
    assertEquals(List.of("Account", "Role", "User", "All"),
        r.addedPrincipals().stream().map(AddedPrincipal::principalTypeAsString).toList());
    assertTrue(r.addedPrincipals().getFirst().servicePermissionId().matches("vpce-spn-[0-9a-f]{17}"));
    fails("InvalidPrincipal", () -> w.provider(ModifyVpcEndpointServicePermissionsRequest.builder()
        .serviceId(s.serviceId()).addAllowedPrincipals("arn:aws:iam::222222222222:role/path/app")
        .removeAllowedPrincipals("*").build()));
    DescribeVpcEndpointServicePermissionsResponse roles = w.provider(DescribeVpcEndpointServicePermissionsRequest
        .builder().serviceId(s.serviceId()).filters(Filter.builder().name("principal-type").values("Role").build()).build());
    assertEquals(List.of("arn:aws:iam::333333333333:role/app"),
        roles.allowedPrincipals().stream().map(AllowedPrincipal::principal).toList());
    DescribeVpcEndpointServicePermissionsResponse all = w.provider(DescribeVpcEndpointServicePermissionsRequest
        .builder().serviceId(s.serviceId()).build());
    assertEquals(4, all.allowedPrincipals().size(), "the failed call removed nothing");
  }

  @Test
  void deleteReportsUnknownAndConnectedServicesAsUnsuccessful() {
    var s = w.service(true);
    w.allow(s, "arn:aws:iam::222222222222:root");
    w.endpoint(s, w.subnetA);
    var free = w.service(false);
    DeleteVpcEndpointServiceConfigurationsResponse r = w.provider(DeleteVpcEndpointServiceConfigurationsRequest
        .builder().serviceIds(s.serviceId(), "vpce-svc-00000000000000000", free.serviceId()).build());
    assertEquals(List.of("ExistingVpcEndpointConnections", "InvalidVpcEndpointServiceId.NotFound"),
        r.unsuccessful().stream().map(u -> u.error().code()).toList());
    assertEquals(s.serviceId(), describe(s.serviceId()).serviceId());
    fails("InvalidVpcEndpointServiceId.NotFound", () -> describe(free.serviceId()));
  }

  private ServiceConfiguration describe(String id) {
    DescribeVpcEndpointServiceConfigurationsResponse r = w.provider(
        DescribeVpcEndpointServiceConfigurationsRequest.builder().serviceIds(id).build());
    return r.serviceConfigurations().getFirst();
  }
}
