package dev.privatelink.server;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.*;

/**
 * The EC2 client interface served in this process (see {@link InProcessClients}), for the actions
 * the seed stack calls; any other action throws the SDK's {@code UnsupportedOperationException}.
 * EC2's interface is written out rather than made a {@link java.lang.reflect.Proxy} because the
 * JDK cannot make a proxy class of an interface with EC2's ~700 actions (its static initialiser
 * outgrows a method's 64 KiB). The consumer-of-builder overloads and the paginators are the SDK's
 * own default methods, which end in these.
 */
final class InProcessEc2Client implements Ec2Client {
  private final InProcessClients.Calls calls;

  InProcessEc2Client(InProcessClients.Calls calls) {
    this.calls = calls;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  @Override
  public AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
    return calls.call(request, AssociateRouteTableResponse.class);
  }

  @Override
  public AttachInternetGatewayResponse attachInternetGateway(AttachInternetGatewayRequest request) {
    return calls.call(request, AttachInternetGatewayResponse.class);
  }

  @Override
  public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest request) {
    return calls.call(request, AuthorizeSecurityGroupEgressResponse.class);
  }

  @Override
  public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request) {
    return calls.call(request, AuthorizeSecurityGroupIngressResponse.class);
  }

  @Override
  public CreateInternetGatewayResponse createInternetGateway(CreateInternetGatewayRequest request) {
    return calls.call(request, CreateInternetGatewayResponse.class);
  }

  @Override
  public CreateKeyPairResponse createKeyPair(CreateKeyPairRequest request) {
    return calls.call(request, CreateKeyPairResponse.class);
  }

  @Override
  public CreateRouteResponse createRoute(CreateRouteRequest request) {
    return calls.call(request, CreateRouteResponse.class);
  }

  @Override
  public CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request) {
    return calls.call(request, CreateRouteTableResponse.class);
  }

  @Override
  public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
    return calls.call(request, CreateSecurityGroupResponse.class);
  }

  @Override
  public CreateSubnetResponse createSubnet(CreateSubnetRequest request) {
    return calls.call(request, CreateSubnetResponse.class);
  }

  @Override
  public CreateVpcResponse createVpc(CreateVpcRequest request) {
    return calls.call(request, CreateVpcResponse.class);
  }

  @Override
  public CreateVpcEndpointResponse createVpcEndpoint(CreateVpcEndpointRequest request) {
    return calls.call(request, CreateVpcEndpointResponse.class);
  }

  @Override
  public CreateVpcEndpointServiceConfigurationResponse createVpcEndpointServiceConfiguration(CreateVpcEndpointServiceConfigurationRequest request) {
    return calls.call(request, CreateVpcEndpointServiceConfigurationResponse.class);
  }

  @Override
  public DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest request) {
    return calls.call(request, DescribeAvailabilityZonesResponse.class);
  }

  @Override
  public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
    return calls.call(request, DescribeImagesResponse.class);
  }

  @Override
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
    return calls.call(request, DescribeInstancesResponse.class);
  }

  @Override
  public DescribeInternetGatewaysResponse describeInternetGateways(DescribeInternetGatewaysRequest request) {
    return calls.call(request, DescribeInternetGatewaysResponse.class);
  }

  @Override
  public DescribeKeyPairsResponse describeKeyPairs(DescribeKeyPairsRequest request) {
    return calls.call(request, DescribeKeyPairsResponse.class);
  }

  @Override
  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
    return calls.call(request, DescribeRouteTablesResponse.class);
  }

  @Override
  public DescribeSecurityGroupRulesResponse describeSecurityGroupRules(DescribeSecurityGroupRulesRequest request) {
    return calls.call(request, DescribeSecurityGroupRulesResponse.class);
  }

  @Override
  public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
    return calls.call(request, DescribeSecurityGroupsResponse.class);
  }

  @Override
  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
    return calls.call(request, DescribeSubnetsResponse.class);
  }

  @Override
  public DescribeVpcEndpointServiceConfigurationsResponse describeVpcEndpointServiceConfigurations(DescribeVpcEndpointServiceConfigurationsRequest request) {
    return calls.call(request, DescribeVpcEndpointServiceConfigurationsResponse.class);
  }

  @Override
  public DescribeVpcEndpointServicePermissionsResponse describeVpcEndpointServicePermissions(DescribeVpcEndpointServicePermissionsRequest request) {
    return calls.call(request, DescribeVpcEndpointServicePermissionsResponse.class);
  }

  @Override
  public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
    return calls.call(request, DescribeVpcEndpointsResponse.class);
  }

  @Override
  public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
    return calls.call(request, DescribeVpcsResponse.class);
  }

  @Override
  public ModifySubnetAttributeResponse modifySubnetAttribute(ModifySubnetAttributeRequest request) {
    return calls.call(request, ModifySubnetAttributeResponse.class);
  }

  @Override
  public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
    return calls.call(request, ModifyVpcAttributeResponse.class);
  }

  @Override
  public ModifyVpcEndpointServiceConfigurationResponse modifyVpcEndpointServiceConfiguration(ModifyVpcEndpointServiceConfigurationRequest request) {
    return calls.call(request, ModifyVpcEndpointServiceConfigurationResponse.class);
  }

  @Override
  public ModifyVpcEndpointServicePermissionsResponse modifyVpcEndpointServicePermissions(ModifyVpcEndpointServicePermissionsRequest request) {
    return calls.call(request, ModifyVpcEndpointServicePermissionsResponse.class);
  }

  @Override
  public RunInstancesResponse runInstances(RunInstancesRequest request) {
    return calls.call(request, RunInstancesResponse.class);
  }
}
