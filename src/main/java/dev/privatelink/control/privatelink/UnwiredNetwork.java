package dev.privatelink.control.privatelink;

import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.List;

/**
 * TEMPORARY stand-in until the EC2 network feature is merged: the integrator replaces it in
 * Features with the real {@link Network}. Every call fails loudly.
 */
public final class UnwiredNetwork implements Network {
  private static UnsupportedOperationException unwired() {
    return new UnsupportedOperationException("PrivateLink is not wired to the EC2 network yet (see Features)");
  }

  @Override public VpcInfo vpc(Scope scope, String vpcId) { throw unwired(); }
  @Override public SubnetInfo subnet(Scope scope, String subnetId) { throw unwired(); }
  @Override public SecurityGroupInfo securityGroup(Scope scope, String groupId) { throw unwired(); }
  @Override public String defaultSecurityGroupId(Scope scope, String vpcId) { throw unwired(); }
  @Override public InstanceInfo instance(Scope scope, String instanceId) { throw unwired(); }
  @Override public List<ZoneInfo> availabilityZones(String region) { throw unwired(); }
  @Override public InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request) { throw unwired(); }
  @Override public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) { throw unwired(); }
  @Override public void deleteManagedInterface(Scope scope, String eniId) { throw unwired(); }
}
