package dev.privatelink.control.ec2;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.eni.InterfaceFactory;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.eni.SubnetAddresses;
import dev.privatelink.control.ec2.instance.InstanceRecord;
import dev.privatelink.control.ec2.routetable.RouteTableRecord;
import dev.privatelink.control.ec2.region.RegionCatalog;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import java.util.List;
import java.util.Set;

/**
 * The EC2 network as the load balancer and PrivateLink features see it, with the
 * requester-managed interfaces they own. Interfaces it makes count against their subnet's free
 * addresses and show in DescribeNetworkInterfaces like AWS's.
 */
final class Ec2Network implements Network {
  private final Ec2State state;
  private final InterfaceFactory factory;
  private final SubnetAddresses addresses;

  Ec2Network(Ec2State state) {
    this.state = state;
    this.factory = new InterfaceFactory(state);
    this.addresses = new SubnetAddresses(state);
  }

  @Override
  public VpcInfo vpc(Scope scope, String vpcId) {
    VpcRecord v = state.vpc(scope, vpcId);
    return new VpcInfo(v.vpcId(), v.cidr().toString(), v.enableDnsSupport(), v.enableDnsHostnames());
  }

  @Override
  public SubnetInfo subnet(Scope scope, String subnetId) {
    SubnetRecord s = state.subnet(scope, subnetId);
    return new SubnetInfo(s.subnetId(), s.vpcId(), s.cidr().toString(), s.availabilityZone(), s.availabilityZoneId());
  }

  @Override
  public SecurityGroupInfo securityGroup(Scope scope, String groupId) {
    var g = state.securityGroup(scope, groupId);
    return new SecurityGroupInfo(g.groupId(), g.groupName(), g.vpcId());
  }

  @Override
  public String defaultSecurityGroupId(Scope scope, String vpcId) {
    return state.vpc(scope, vpcId).defaultGroupId();
  }

  @Override
  public InstanceInfo instance(Scope scope, String instanceId) {
    InstanceRecord i = state.instance(scope, instanceId);
    var l = i.launch();
    return new InstanceInfo(l.instanceId(), l.vpcId(), l.subnetId(), l.privateIp(), l.availabilityZone(), i.state());
  }

  @Override
  public List<ZoneInfo> availabilityZones(String region) {
    return RegionCatalog.zones(region);
  }

  @Override
  public InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request) {
    Scope scope = ctx.scope();
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    List<String> groups = factory.managedGroups(scope, subnet, request.groupIds());
    String ip = addresses.nextFree(scope, subnet, Set.of());
    NetworkInterfaceRecord eni = factory.create(ctx, subnet, ip, groups, request.description(), request.interfaceType(),
        request.requesterId() == null ? "amazon" : request.requesterId(), null, request.owner());
    state.networkInterfaces().put(scope, eni.networkInterfaceId(), eni);
    return new InterfaceInfo(eni.networkInterfaceId(), ip, subnet.subnetId(), subnet.availabilityZone());
  }

  @Override
  public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) {
    NetworkInterfaceRecord eni = state.networkInterface(scope, eniId);
    List<String> groups = factory.managedGroups(scope, state.subnet(scope, eni.subnetId()), groupIds);
    state.networkInterfaces().put(scope, eniId, eni.withGroups(groups));
  }

  @Override
  public RouteTableInfo routeTable(Scope scope, String routeTableId) {
    RouteTableRecord t = state.routeTable(scope, routeTableId);
    return new RouteTableInfo(t.routeTableId(), t.vpcId());
  }

  @Override
  public void addEndpointRoute(Scope scope, String routeTableId, String prefixListId, String endpointId) {
    RouteTableRecord t = state.routeTable(scope, routeTableId);
    if (t.routes().stream().anyMatch(r -> prefixListId.equals(r.destinationPrefixListId()))) {
      throw AwsException.badRequest("RouteAlreadyExists", "route table " + routeTableId
          + " already has a route with destination-prefix-list-id " + prefixListId);
    }
    state.routeTables().put(scope, routeTableId, t.withRoutes(routes -> {
      routes.add(RouteTableRecord.Route.toEndpoint(prefixListId, endpointId));
      return routes;
    }));
  }

  @Override
  public void removeEndpointRoutes(Scope scope, String routeTableId, String endpointId) {
    state.routeTables().find(scope, routeTableId).ifPresent(t -> state.routeTables().put(scope, routeTableId,
        t.withRoutes(routes -> {
          routes.removeIf(r -> r.destinationPrefixListId() != null && endpointId.equals(r.targetId()));
          return routes;
        })));
  }

  @Override
  public void deleteManagedInterface(Scope scope, String eniId) {
    if (state.networkInterfaces().remove(scope, eniId) != null) {
      state.tags().drop(scope, eniId);
    }
  }
}
