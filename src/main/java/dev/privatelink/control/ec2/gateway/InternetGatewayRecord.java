package dev.privatelink.control.ec2.gateway;

import org.jspecify.annotations.Nullable;

/** An internet gateway and the VPC it is attached to ({@code null} when detached). */
public record InternetGatewayRecord(String internetGatewayId, String ownerId, @Nullable String attachedVpcId) {
  public InternetGatewayRecord attachedTo(@Nullable String vpcId) {
    return new InternetGatewayRecord(internetGatewayId, ownerId, vpcId);
  }
}
