package dev.privatelink.control.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.testing.CloudCalls;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.*;

/** AWS's own services as endpoint services, and gateway and interface endpoints to them, in a real Cloud. */
class AwsServicesTest {
  private static final String ACCOUNT = "111111111111";
  private final Cloud cloud = new Cloud();
  private final CloudCalls calls = new CloudCalls(cloud, ACCOUNT);
  private final String vpc = this.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build())
      .vpc().vpcId();

  private <T extends SdkResponse> T call(SdkRequest request) {
    return calls.call(request);
  }

  private AwsException fails(String code, SdkRequest request) {
    return calls.fails(code, request);
  }

  private List<ServiceDetail> services(DescribeVpcEndpointServicesRequest request) {
    return this.<DescribeVpcEndpointServicesResponse>call(request).serviceDetails();
  }

  private String routeTable() {
    return this.<CreateRouteTableResponse>call(CreateRouteTableRequest.builder().vpcId(vpc).build()).routeTable().routeTableId();
  }

  private RouteTable describeTable(String id) {
    return this.<DescribeRouteTablesResponse>call(DescribeRouteTablesRequest.builder().routeTableIds(id).build())
        .routeTables().getFirst();
  }

  private VpcEndpoint gateway(String service, String... tables) {
    return this.<CreateVpcEndpointResponse>call(CreateVpcEndpointRequest.builder().vpcId(vpc)
        .serviceName("com.amazonaws.us-east-1." + service).routeTableIds(tables).build()).vpcEndpoint();
  }

  @Test
  void listsTheRegionsAwsServicesSortedByName() {
    List<ServiceDetail> all = services(DescribeVpcEndpointServicesRequest.builder().build());
    List<String> names = all.stream().map(ServiceDetail::serviceName).toList();
    assertEquals(names.stream().sorted().toList(), names);
    assertTrue(names.containsAll(List.of("com.amazonaws.us-east-1.ec2", "com.amazonaws.us-east-1.sts",
        "com.amazonaws.us-east-1.ssm", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.execute-api")));
    ServiceDetail ec2 = all.stream().filter(d -> d.serviceName().equals("com.amazonaws.us-east-1.ec2")).findFirst().orElseThrow();
    assertEquals("amazon", ec2.owner());
    assertEquals(List.of(ServiceType.INTERFACE), ec2.serviceType().stream().map(ServiceTypeDetail::serviceType).toList());
    assertEquals(List.of("ec2.us-east-1.vpce.amazonaws.com"), ec2.baseEndpointDnsNames());
    assertEquals("ec2.us-east-1.amazonaws.com", ec2.privateDnsName());
    assertEquals(DnsNameState.VERIFIED, ec2.privateDnsNameVerificationState());
    assertEquals(6, ec2.availabilityZones().size(), "every zone of the region");
    assertTrue(ec2.vpcEndpointPolicySupported());
    assertFalse(ec2.acceptanceRequired());
    assertFalse(ec2.managesVpcEndpoints());
    assertTrue(ec2.serviceId().matches("vpce-svc-[0-9a-f]{17}"));
    assertEquals(List.of("ipv4"), ec2.supportedIpAddressTypesAsStrings());
  }

  @Test
  void s3IsGatewayAndInterface() {
    var r = this.<DescribeVpcEndpointServicesResponse>call(DescribeVpcEndpointServicesRequest.builder()
        .serviceNames("com.amazonaws.us-east-1.s3").build());
    assertEquals(List.of("com.amazonaws.us-east-1.s3"), r.serviceNames());
    ServiceDetail gateway = r.serviceDetails().get(0);
    ServiceDetail iface = r.serviceDetails().get(1);
    assertEquals(ServiceType.GATEWAY, gateway.serviceType().getFirst().serviceType());
    assertEquals(List.of("s3.us-east-1.amazonaws.com"), gateway.baseEndpointDnsNames());
    assertNull(gateway.privateDnsName());
    assertEquals(ServiceType.INTERFACE, iface.serviceType().getFirst().serviceType());
    assertEquals("*.s3.us-east-1.amazonaws.com", iface.privateDnsName());
    var gateways = services(DescribeVpcEndpointServicesRequest.builder()
        .filters(Filter.builder().name("service-type").values("Gateway").build()).build());
    assertEquals(List.of("com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"),
        gateways.stream().map(ServiceDetail::serviceName).toList());
    assertTrue(services(DescribeVpcEndpointServicesRequest.builder()
        .filters(Filter.builder().name("owner").values("111111111111").build()).build()).isEmpty());
    fails("InvalidServiceName", DescribeVpcEndpointServicesRequest.builder().serviceNames("com.amazonaws.us-east-1.nope").build());
  }

  @Test
  void aGatewayEndpointRoutesItsTablesToThePrefixList() {
    String a = routeTable();
    String b = routeTable();
    VpcEndpoint e = gateway("s3", a);
    assertEquals(VpcEndpointType.GATEWAY, e.vpcEndpointType());
    assertEquals("available", e.stateAsString());
    assertEquals(VpcEndpoints.FULL_ACCESS_POLICY, e.policyDocument());
    assertEquals(List.of(a), e.routeTableIds());
    assertTrue(e.dnsEntries().isEmpty() && e.networkInterfaceIds().isEmpty());
    Route route = describeTable(a).routes().get(1);
    assertEquals("pl-63a5400a", route.destinationPrefixListId());
    assertNull(route.destinationCidrBlock());
    assertEquals(e.vpcEndpointId(), route.gatewayId());
    assertEquals(RouteOrigin.CREATE_ROUTE, route.origin());
    assertEquals(RouteState.ACTIVE, route.state());
    var byList = this.<DescribeRouteTablesResponse>call(DescribeRouteTablesRequest.builder().filters(Filter.builder()
        .name("route.destination-prefix-list-id").values("pl-63a5400a").build()).build());
    assertEquals(List.of(a), byList.routeTables().stream().map(RouteTable::routeTableId).toList());

    call(ModifyVpcEndpointRequest.builder().vpcEndpointId(e.vpcEndpointId()).addRouteTableIds(b).removeRouteTableIds(a)
        .policyDocument("{\"Statement\":[]}").build());
    VpcEndpoint modified = this.<DescribeVpcEndpointsResponse>call(DescribeVpcEndpointsRequest.builder()
        .vpcEndpointIds(e.vpcEndpointId()).build()).vpcEndpoints().getFirst();
    assertEquals(List.of(b), modified.routeTableIds());
    assertEquals("{\"Statement\":[]}", modified.policyDocument());
    assertEquals(1, describeTable(a).routes().size());
    assertEquals("pl-63a5400a", describeTable(b).routes().get(1).destinationPrefixListId());

    call(DeleteVpcEndpointsRequest.builder().vpcEndpointIds(e.vpcEndpointId()).build());
    assertEquals(1, describeTable(b).routes().size(), "its routes go with it");
    fails("InvalidVpcEndpointId.NotFound", DescribeVpcEndpointsRequest.builder().vpcEndpointIds(e.vpcEndpointId()).build());
  }

  @Test
  void gatewayErrorsChangeNothing() {
    String a = routeTable();
    gateway("dynamodb", a);
    assertEquals("RouteAlreadyExists", fails("RouteAlreadyExists", CreateVpcEndpointRequest.builder().vpcId(vpc)
        .serviceName("com.amazonaws.us-east-1.dynamodb").routeTableIds(routeTable(), a).build()).code());
    String other = this.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.1.0.0/16").build()).vpc().vpcId();
    String foreign = this.<CreateRouteTableResponse>call(CreateRouteTableRequest.builder().vpcId(other).build())
        .routeTable().routeTableId();
    fails("InvalidParameter", CreateVpcEndpointRequest.builder().vpcId(vpc).serviceName("com.amazonaws.us-east-1.s3")
        .routeTableIds(foreign).build());
    fails("InvalidRouteTableID.NotFound", CreateVpcEndpointRequest.builder().vpcId(vpc)
        .serviceName("com.amazonaws.us-east-1.s3").routeTableIds("rtb-00000000000000000").build());
    AwsException type = fails("InvalidParameter", CreateVpcEndpointRequest.builder().vpcId(vpc)
        .serviceName("com.amazonaws.us-east-1.ec2").build());
    assertEquals("Endpoint type (Gateway) does not match available service types ([Interface]).", type.getMessage());
    fails("InvalidServiceName", CreateVpcEndpointRequest.builder().vpcId(vpc).serviceName("com.amazonaws.us-east-1.nope").build());
  }

  @Test
  void anInterfaceEndpointToAnAwsServiceHasEnisAndTheServicesNames() {
    call(ModifyVpcAttributeRequest.builder().vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()).build());
    String subnet = this.<CreateSubnetResponse>call(CreateSubnetRequest.builder().vpcId(vpc).cidrBlock("10.0.0.0/24")
        .availabilityZone("us-east-1a").build()).subnet().subnetId();
    VpcEndpoint e = this.<CreateVpcEndpointResponse>call(CreateVpcEndpointRequest.builder().vpcId(vpc)
        .vpcEndpointType(VpcEndpointType.INTERFACE).serviceName("com.amazonaws.us-east-1.ec2").subnetIds(subnet)
        .policyDocument("{\"Statement\":[]}").build()).vpcEndpoint();
    assertEquals("pending", e.stateAsString());
    assertTrue(e.privateDnsEnabled(), "AWS's default for a service with a private DNS name");
    assertEquals(1, e.networkInterfaceIds().size());
    assertEquals("{\"Statement\":[]}", e.policyDocument());
    List<String> names = e.dnsEntries().stream().map(DnsEntry::dnsName).toList();
    assertTrue(names.getFirst().matches(e.vpcEndpointId() + "-[a-z0-9]{8}\\.ec2\\.us-east-1\\.vpce\\.amazonaws\\.com"), names.getFirst());
    assertEquals("ec2.us-east-1.amazonaws.com", names.getLast());
    var projection = cloud.read(f -> f.privateLink().endpoints()).getFirst();
    assertNull(projection.providerVpcId(), "no load balancer behind it, so the host builds no bridge");
    assertTrue(projection.networkLoadBalancerArns().isEmpty());
    assertEquals("ec2.us-east-1.amazonaws.com", projection.privateDnsName());
  }

  @Test
  void aVpcWithAGatewayEndpointCannotBeDeleted() {
    VpcEndpoint e = gateway("s3");
    fails("DependencyViolation", DeleteVpcRequest.builder().vpcId(vpc).build());
    call(DeleteVpcEndpointsRequest.builder().vpcEndpointIds(e.vpcEndpointId()).build());
    call(DeleteVpcRequest.builder().vpcId(vpc).build());
  }

  @Test
  void gatewayEndpointsHaveNothingOnTheHost() {
    gateway("s3", routeTable());
    assertTrue(cloud.read(f -> f.privateLink().endpoints()).isEmpty());
  }
}
