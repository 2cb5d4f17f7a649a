package dev.privatelink.control.elb;

import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.List;

/**
 * The {@link Network} the ELB feature sees: the EC2 feature's, which tests may {@link #wire}
 * over with an in-memory fake to test load balancers without building VPCs first.
 */
public final class ElbNetwork implements Network {
  private Network delegate;

  public ElbNetwork(Network network) {
    this.delegate = network;
  }

  /** Sends every call to {@code network} from now on. */
  public void wire(Network network) {
    this.delegate = network;
  }

  private Network target() {
    if (delegate == null) {
      throw new IllegalStateException("no network is wired into the ELB feature");
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

  @Override
  public RouteTableInfo routeTable(Scope scope, String routeTableId) {
    return target().routeTable(scope, routeTableId);
  }

  @Override
  public void addEndpointRoute(Scope scope, String routeTableId, String prefixListId, String endpointId) {
    target().addEndpointRoute(scope, routeTableId, prefixListId, endpointId);
  }

  @Override
  public void removeEndpointRoutes(Scope scope, String routeTableId, String endpointId) {
    target().removeEndpointRoutes(scope, routeTableId, endpointId);
  }
}
