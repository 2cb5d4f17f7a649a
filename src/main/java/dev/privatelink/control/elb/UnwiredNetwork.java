package dev.privatelink.control.elb;

import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.List;

/**
 * A stand-in {@link Network} until the EC2 feature (which implements Network) is wired into
 * Features: every call fails, unless a Network has been {@link #wire wired} in (tests do so with
 * an in-memory fake). TEMPORARY: the integrator replaces it with the EC2 feature and deletes it.
 */
public final class UnwiredNetwork implements Network {
  private Network delegate;

  /** Sends every call to {@code network} from now on. */
  public void wire(Network network) {
    this.delegate = network;
  }

  private Network target() {
    if (delegate == null) {
      throw new IllegalStateException("The EC2 network is not wired into the ELB feature yet");
    }
    return delegate;
  }

  @Override
  public VpcInfo vpc(Scope scope, String vpcId) {
    return target().vpc(scope, vpcId);
  }

  @Override
  public SubnetInfo subnet(Scope scope, String subnetId) {
    return target().subnet(scope, subnetId);
  }

  @Override
  public SecurityGroupInfo securityGroup(Scope scope, String groupId) {
    return target().securityGroup(scope, groupId);
  }

  @Override
  public String defaultSecurityGroupId(Scope scope, String vpcId) {
    return target().defaultSecurityGroupId(scope, vpcId);
  }

  @Override
  public InstanceInfo instance(Scope scope, String instanceId) {
    return target().instance(scope, instanceId);
  }

  @Override
  public List<ZoneInfo> availabilityZones(String region) {
    return target().availabilityZones(region);
  }

  @Override
  public InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request) {
    return target().createManagedInterface(ctx, request);
  }

  @Override
  public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) {
    target().setInterfaceGroups(scope, eniId, groupIds);
  }

  @Override
  public void deleteManagedInterface(Scope scope, String eniId) {
    target().deleteManagedInterface(scope, eniId);
  }
}
