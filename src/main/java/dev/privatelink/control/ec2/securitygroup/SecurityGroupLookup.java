package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import org.jspecify.annotations.Nullable;

/**
 * Finds the group an action targets by GroupId, or by GroupName, which AWS resolves only in the
 * default VPC (VPCIdNotSpecified when the account has none).
 */
final class SecurityGroupLookup {
  private SecurityGroupLookup() {}

  static SecurityGroupRecord target(Ec2State state, Scope scope, @Nullable String groupId, @Nullable String groupName) {
    if (groupId != null) {
      return state.securityGroup(scope, groupId);
    }
    if (groupName != null) {
      String vpcId = state.defaultVpc(scope).orElseThrow(Ec2Errors::noDefaultVpc).vpcId();
      return state.securityGroups().where(scope, g -> g.vpcId().equals(vpcId) && g.groupName().equals(groupName))
          .stream().findFirst().orElseThrow(() -> notFoundByName(groupName, vpcId));
    }
    throw Ec2Errors.required("GroupId");
  }

  /** AWS's answer for a group name the default VPC does not have. */
  static AwsException notFoundByName(String name, @Nullable String defaultVpcId) {
    return defaultVpcId == null ? Ec2Errors.groupNotFound(name) : AwsException.badRequest("InvalidGroup.NotFound",
        "The security group '" + name + "' does not exist in default VPC '" + defaultVpcId + "'");
  }
}
