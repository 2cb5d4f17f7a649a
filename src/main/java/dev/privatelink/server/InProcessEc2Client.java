package dev.privatelink.server;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServiceConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServiceConfigurationResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * The EC2 client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls; any other throws the SDK's {@code UnsupportedOperationException}.
 */
final class InProcessEc2Client extends InProcessClient implements Ec2Client {
  InProcessEc2Client(InProcessClients.Calls calls) {
    super(calls, SERVICE_NAME);
  }

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
