package dev.privatelink.control.ec2;

import dev.privatelink.control.AwsException;

/** EC2's NotFound and other recurring errors, with the codes and messages AWS uses. */
public final class Ec2Errors {
  private Ec2Errors() {}

  public static AwsException vpcNotFound(String id) {
    return AwsException.badRequest("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
  }

  public static AwsException subnetNotFound(String id) {
    return AwsException.badRequest("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
  }

  public static AwsException groupNotFound(String id) {
    return AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
  }

  public static AwsException internetGatewayNotFound(String id) {
    return AwsException.badRequest("InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + id + "' does not exist");
  }

  public static AwsException routeTableNotFound(String id) {
    return AwsException.badRequest("InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist");
  }

  public static AwsException networkAclNotFound(String id) {
    return AwsException.badRequest("InvalidNetworkAclID.NotFound", "The networkAcl ID '" + id + "' does not exist");
  }

  public static AwsException networkInterfaceNotFound(String id) {
    return AwsException.badRequest("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + id + "' does not exist");
  }

  public static AwsException instanceNotFound(String id) {
    return AwsException.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
  }

  public static AwsException keyPairNotFound(String name) {
    return AwsException.badRequest("InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist");
  }

  public static AwsException imageNotFound(String id) {
    return AwsException.badRequest("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
  }

  public static AwsException ruleNotFound(String id) {
    return AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + id + "' does not exist");
  }

  public static AwsException volumeNotFound(String id) {
    return AwsException.badRequest("InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
  }

  public static AwsException associationNotFound(String id) {
    return AwsException.badRequest("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
  }

  public static AwsException dhcpOptionsNotFound(String id) {
    return AwsException.badRequest("InvalidDhcpOptionID.NotFound", "The dhcpOption ID '" + id + "' does not exist");
  }

  /** What AWS answers when an action needs a default VPC and the account has none. */
  public static AwsException noDefaultVpc() {
    return AwsException.badRequest("VPCIdNotSpecified", "No default VPC for this user");
  }

  public static AwsException hasDependencies(String kind, String id) {
    return AwsException.dependencyViolation("The " + kind + " '" + id + "' has dependencies and cannot be deleted.");
  }

  public static AwsException required(String parameter) {
    return AwsException.missingParameter("The request must contain the parameter " + parameter);
  }
}
