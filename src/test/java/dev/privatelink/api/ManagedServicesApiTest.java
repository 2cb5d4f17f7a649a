package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.ServiceType;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * AWS-managed endpoint services, gateway endpoints and prefix lists through the SDK, as Terraform
 * and the SDKs call them (control plane only).
 */
class ManagedServicesApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients account;

  @BeforeEach
  void reset() {
    CLOUD.reset();
    account = CLOUD.clients("111111111111");
  }

  @Test
  void describePrefixListsByServiceNameAsTerraformDoes() {
    var s3 = account.ec2().describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name")
        .values("com.amazonaws.us-east-1.s3"))).prefixLists();
    assertEquals(1, s3.size());
    PrefixList list = s3.getFirst();
    assertEquals("pl-63a5400a", list.prefixListId());
    assertTrue(list.cidrs().size() > 1);
    assertTrue(account.ec2().describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name")
        .values("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"))).prefixLists().isEmpty());
    var all = account.ec2().describePrefixListsPaginator(r -> r.maxResults(1)).prefixLists().stream().toList();
    assertEquals(2, all.size());
    Ec2Exception e = assertThrows(Ec2Exception.class, () -> account.ec2().describePrefixLists(r -> r.prefixListIds("pl-12345678")));
    assertEquals("InvalidPrefixListID.NotFound", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
  }

  @Test
  void awsServicesAreListedWithAwsShapes() {
    var r = account.ec2().describeVpcEndpointServices(q -> q.serviceNames("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.ssm"));
    assertEquals(java.util.List.of("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.ssm"), r.serviceNames());
    assertEquals(3, r.serviceDetails().size());
    var ssm = r.serviceDetails().get(2);
    assertEquals(ServiceType.INTERFACE, ssm.serviceType().getFirst().serviceType());
    assertEquals("amazon", ssm.owner());
    assertEquals("ssm.us-east-1.amazonaws.com", ssm.privateDnsName());
    assertEquals("ssm.us-east-1.vpce.amazonaws.com", ssm.baseEndpointDnsNames().getFirst());
    assertEquals(6, ssm.availabilityZones().size());
    assertTrue(ssm.vpcEndpointPolicySupported());
    var gateways = account.ec2().describeVpcEndpointServices(q -> q.filters(f -> f.name("service-type").values("Gateway")));
    assertEquals(2, gateways.serviceDetails().size());
  }

  @Test
  void aGatewayEndpointAsTerraformReadsIt() {
    var ec2 = account.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    var endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
        .serviceName("com.amazonaws.us-east-1.s3").routeTableIds(table)).vpcEndpoint();
    assertEquals("available", endpoint.stateAsString());
    assertTrue(endpoint.policyDocument().contains("\"Effect\":\"Allow\""));
    var route = ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().getFirst().routes().stream()
        .filter(x -> x.destinationPrefixListId() != null).findFirst().orElseThrow();
    assertEquals("pl-63a5400a", route.destinationPrefixListId());
    assertEquals(endpoint.vpcEndpointId(), route.gatewayId());
    assertEquals("CreateRoute", route.originAsString());
    var list = ec2.describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name").values(endpoint.serviceName())))
        .prefixLists().getFirst();
    assertEquals(route.destinationPrefixListId(), list.prefixListId());
    ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpoint.vpcEndpointId()).removeRouteTableIds(table));
    assertEquals(1, ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().getFirst().routes().size());
    ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId()));
    Ec2Exception e = assertThrows(Ec2Exception.class,
        () -> ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint.vpcEndpointId())));
    assertEquals("InvalidVpcEndpointId.NotFound", e.awsErrorDetails().errorCode());
    Ec2Exception type = assertThrows(Ec2Exception.class, () -> ec2.createVpcEndpoint(r -> r.vpcId(vpc)
        .serviceName("com.amazonaws.us-east-1.sts")));
    assertEquals("InvalidParameter", type.awsErrorDetails().errorCode());
  }

  @Test
  void anInterfaceEndpointToAnAwsService() {
    var ec2 = account.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(v -> v.value(true)));
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    var endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
        .serviceName("com.amazonaws.us-east-1.ssm").subnetIds(subnet)).vpcEndpoint();
    assertTrue(endpoint.privateDnsEnabled());
    assertEquals(1, endpoint.networkInterfaceIds().size());
    assertTrue(endpoint.dnsEntries().stream().anyMatch(d -> d.dnsName().equals("ssm.us-east-1.amazonaws.com")));
    var eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(endpoint.networkInterfaceIds())).networkInterfaces().getFirst();
    assertEquals("vpc_endpoint", eni.interfaceTypeAsString());
  }

  @Test
  void managedPrefixListsThroughTheSdk() {
    var ec2 = account.ec2();
    var created = ec2.createManagedPrefixList(r -> r.prefixListName("office").maxEntries(2).addressFamily("IPv4")
        .entries(e -> e.cidr("192.0.2.0/24").description("hq"))).prefixList();
    assertEquals("create-in-progress", created.stateAsString());
    String id = created.prefixListId();
    assertEquals("create-complete", ec2.describeManagedPrefixLists(r -> r.prefixListIds(id)).prefixLists().getFirst().stateAsString());
    ec2.modifyManagedPrefixList(r -> r.prefixListId(id).currentVersion(1L).addEntries(e -> e.cidr("198.51.100.0/24")));
    assertEquals(2, ec2.getManagedPrefixListEntries(r -> r.prefixListId(id)).entries().size());
    assertEquals("hq", ec2.getManagedPrefixListEntries(r -> r.prefixListId(id).targetVersion(1L)).entries().getFirst().description());
    Ec2Exception stale = assertThrows(Ec2Exception.class, () -> ec2.modifyManagedPrefixList(r -> r.prefixListId(id)
        .currentVersion(1L).addEntries(e -> e.cidr("203.0.113.0/24"))));
    assertEquals("PrefixListVersionMismatch", stale.awsErrorDetails().errorCode());

    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443)
        .prefixListIds(pl -> pl.prefixListId(id).description("office"))));
    var permission = ec2.describeSecurityGroups(r -> r.groupIds(group)).securityGroups().getFirst().ipPermissions().getFirst();
    assertEquals(id, permission.prefixListIds().getFirst().prefixListId());
    assertEquals(1, ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group))).securityGroupRules()
        .stream().filter(x -> id.equals(x.prefixListId())).count());
    Ec2Exception inUse = assertThrows(Ec2Exception.class, () -> ec2.deleteManagedPrefixList(r -> r.prefixListId(id)));
    assertEquals("DependencyViolation", inUse.awsErrorDetails().errorCode());
    assertEquals(group, ec2.getManagedPrefixListAssociations(r -> r.prefixListId(id)).prefixListAssociations().getFirst()
        .resourceId());
    assertEquals(3, ec2.describeManagedPrefixLists(r -> { }).prefixLists().size(), "AWS's two and ours");
  }
}
