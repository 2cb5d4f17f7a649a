package dev.privatelink.control.ec2.routetable;

/**
 * What a route sends to, named by the CreateRoute request field that gives it (which is also how
 * AWS names the parameter in its errors); {@link #LOCAL} is the VPC's own route.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html">CreateRoute</a>
 */
public enum RouteTargetKind {
  LOCAL("local"),
  GATEWAY("gatewayId"),
  NETWORK_INTERFACE("networkInterfaceId"),
  INSTANCE("instanceId"),
  VPC_ENDPOINT("vpcEndpointId"),
  NAT_GATEWAY("natGatewayId"),
  TRANSIT_GATEWAY("transitGatewayId"),
  VPC_PEERING_CONNECTION("vpcPeeringConnectionId"),
  EGRESS_ONLY_INTERNET_GATEWAY("egressOnlyInternetGatewayId");

  private final String parameter;

  RouteTargetKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request field, e.g. {@code gatewayId}. */
  @Override
  public String toString() {
    return parameter;
  }
}
