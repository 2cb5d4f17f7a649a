package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import org.jspecify.annotations.Nullable;

/**
 * Finds the group an action targets by GroupId, or by GroupName, which AWS resolves only in the
 * default VPC (there is none here, so a name alone is VPCIdNotSpecified).
 */
final class SecurityGroupLookup {
  private SecurityGroupLookup() {}

  static SecurityGroupRecord target(Ec2State state, Scope scope, @Nullable String groupId, @Nullable String groupName) {
    if (groupId != null) {
      return state.securityGroup(scope, groupId);
    }
    if (groupName != null) {
      throw Ec2Errors.noDefaultVpc();
    }
    throw Ec2Errors.required("GroupId");
  }
}
