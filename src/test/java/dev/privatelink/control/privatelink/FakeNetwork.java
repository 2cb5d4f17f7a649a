package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small in-memory EC2 network: VPCs with a default group, subnets, groups and managed ENIs. */
final class FakeNetwork implements Network {
  private final Map<String, VpcInfo> vpcs = new HashMap<>();
  private final Map<String, Scope> owners = new HashMap<>();
  private final Map<String, SubnetInfo> subnets = new HashMap<>();
  private final Map<String, SecurityGroupInfo> groups = new HashMap<>();
  private final Map<String, Integer> used = new HashMap<>();
  final Map<String, Integer> capacity = new HashMap<>();
  final Map<String, Eni> enis = new LinkedHashMap<>();
  private int counter;

  /** A managed ENI as the fake holds it. */
  record Eni(Scope scope, String id, String subnetId, String ip, List<String> groupIds, String type, String description,
      String requesterId) {}

  String addVpc(Scope scope, boolean dnsSupport, boolean dnsHostnames) {
    String id = id("vpc");
    vpcs.put(id, new VpcInfo(id, "10.0.0.0/16", dnsSupport, dnsHostnames));
    owners.put(id, scope);
    addGroup(scope, id, "default");
    return id;
  }

  String addSubnet(Scope scope, String vpcId, String az) {
    String id = id("subnet");
    int n = (int) subnets.values().stream().filter(s -> s.vpcId().equals(vpcId)).count();
    subnets.put(id, new SubnetInfo(id, vpcId, "10.0." + (n * 16) + ".0/20", az, "use1-" + az.substring(az.length() - 1)));
    owners.put(id, scope);
    return id;
  }

  String addGroup(Scope scope, String vpcId, String name) {
    String id = id("sg");
    groups.put(id, new SecurityGroupInfo(id, name, vpcId));
    owners.put(id, scope);
    return id;
  }

  @Override
  public VpcInfo vpc(Scope scope, String vpcId) {
    return owned(scope, vpcId, vpcs.get(vpcId), "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
  }

  @Override
  public SubnetInfo subnet(Scope scope, String subnetId) {
    return owned(scope, subnetId, subnets.get(subnetId), "InvalidSubnetID.NotFound",
        "The subnet ID '" + subnetId + "' does not exist");
  }

  @Override
  public SecurityGroupInfo securityGroup(Scope scope, String groupId) {
    return owned(scope, groupId, groups.get(groupId), "InvalidGroup.NotFound",
        "The security group '" + groupId + "' does not exist");
  }

  @Override
  public String defaultSecurityGroupId(Scope scope, String vpcId) {
    return groups.values().stream().filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default"))
        .findFirst().orElseThrow().groupId();
  }

  @Override
  public InstanceInfo instance(Scope scope, String instanceId) {
    throw AwsException.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + instanceId + "' does not exist");
  }

  @Override
  public List<ZoneInfo> availabilityZones(String region) {
    return List.of("a", "b", "c").stream().map(z -> new ZoneInfo(region + z, "use1-az" + z)).toList();
  }

  @Override
  public InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request) {
    SubnetInfo subnet = subnet(ctx.scope(), request.subnetId());
    int n = used.merge(subnet.subnetId(), 1, Integer::sum);
    if (n > capacity.getOrDefault(subnet.subnetId(), 250)) {
      used.merge(subnet.subnetId(), -1, Integer::sum);
      throw AwsException.badRequest("InsufficientFreeAddressesInSubnet", "no free address in " + subnet.subnetId());
    }
    String id = ctx.ids().ec2Id("eni");
    String ip = subnet.cidr().replace(".0/20", "." + (3 + n));
    enis.put(id, new Eni(ctx.scope(), id, subnet.subnetId(), ip, request.groupIds(), request.interfaceType(),
        request.description(), request.requesterId()));
    return new InterfaceInfo(id, ip, subnet.subnetId(), subnet.availabilityZone());
  }

  @Override
  public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) {
    Eni e = enis.get(eniId);
    enis.put(eniId, new Eni(e.scope(), e.id(), e.subnetId(), e.ip(), groupIds, e.type(), e.description(), e.requesterId()));
  }

  @Override
  public void deleteManagedInterface(Scope scope, String eniId) {
    enis.remove(eniId);
  }

  private <T> T owned(Scope scope, String id, T found, String code, String message) {
    if (found == null || !scope.equals(owners.get(id))) {
      throw AwsException.badRequest(code, message);
    }
    return found;
  }

  private String id(String prefix) {
    return String.format("%s-%017x", prefix, ++counter);
  }
}
