package dev.privatelink.control.ec2.gateway;

/** An internet gateway and the VPC it is attached to ({@code null} when detached). */
public record InternetGatewayRecord(String internetGatewayId, String ownerId, String attachedVpcId) {
  public InternetGatewayRecord attachedTo(String vpcId) {
    return new InternetGatewayRecord(internetGatewayId, ownerId, vpcId);
  }
}
