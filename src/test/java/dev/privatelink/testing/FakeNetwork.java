package dev.privatelink.testing;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.model.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory EC2 {@link Network} for the tests of the features that lean on it (load balancers,
 * PrivateLink): VPCs each with a {@code default} group, subnets, groups, instances and the managed
 * ENIs those features create. Every resource belongs to the scope of its VPC, and a look-up from
 * another scope fails with AWS's NotFound error, as in EC2. Subnets hand out addresses from .4 on;
 * {@link #capacity} makes one run out.
 */
public final class FakeNetwork implements Network {
  /** The managed ENIs, by id, in the order they were made. */
  public final Map<String, Eni> enis = new LinkedHashMap<>();
  /** How many managed ENIs a subnet (by id) takes before it is full; 250 when absent. */
  public final Map<String, Integer> capacity = new HashMap<>();
  private final Map<String, VpcInfo> vpcs = new HashMap<>();
  private final Map<String, SubnetInfo> subnets = new HashMap<>();
  private final Map<String, SecurityGroupInfo> groups = new HashMap<>();
  private final Map<String, InstanceInfo> instances = new HashMap<>();
  private final Map<String, Scope> owners = new HashMap<>();
  private final Map<String, Integer> used = new HashMap<>();
  private int counter;

  /** A managed ENI as the fake holds it: what was asked for, and the groups it has now. */
  public record Eni(Scope scope, String id, String ip, ManagedInterface request, List<String> groupIds) {
    public String subnetId() {
      return request.subnetId();
    }

    public String interfaceType() {
      return request.interfaceType();
    }

    public String description() {
      return request.description();
    }

    public String requesterId() {
      return request.requesterId();
    }
  }

  /** A VPC of {@code scope} with DNS support and hostnames on. */
  public String addVpc(Scope scope, String cidr) {
    return addVpc(scope, cidr, true, true);
  }

  /** A 10.0.0.0/16 VPC of {@code scope}. */
  public String addVpc(Scope scope, boolean dnsSupport, boolean dnsHostnames) {
    return addVpc(scope, "10.0.0.0/16", dnsSupport, dnsHostnames);
  }

  public String addVpc(Scope scope, String cidr, boolean dnsSupport, boolean dnsHostnames) {
    String id = id("vpc");
    vpcs.put(id, new VpcInfo(id, cidr, dnsSupport, dnsHostnames));
    owners.put(id, scope);
    addGroup(id, "default");
    return id;
  }

  /** The VPC's next /20 (10.0.0.0/20, 10.0.16.0/20 …) in {@code zone}. */
  public String addSubnet(String vpcId, String zone) {
    int n = (int) subnets.values().stream().filter(s -> s.vpcId().equals(vpcId)).count();
    return addSubnet(vpcId, "10.0." + (n * 16) + ".0/20", zone);
  }

  public String addSubnet(String vpcId, String cidr, String zone) {
    String id = id("subnet");
    subnets.put(id, new SubnetInfo(id, vpcId, cidr, zone, zoneId(zone)));
    owners.put(id, owners.get(vpcId));
    return id;
  }

  public String addGroup(String vpcId, String name) {
    String id = id("sg");
    groups.put(id, new SecurityGroupInfo(id, name, vpcId));
    owners.put(id, owners.get(vpcId));
    return id;
  }

  /** An instance in the subnet; {@code state} is AWS's name (running, stopped …). */
  public String addInstance(String subnetId, String ip, String state) {
    String id = id("i");
    SubnetInfo s = subnets.get(subnetId);
    instances.put(id, new InstanceInfo(id, s.vpcId(), subnetId, ip, s.availabilityZone(), state));
    owners.put(id, owners.get(subnetId));
    return id;
  }

  @Override
  public VpcInfo vpc(Scope scope, String vpcId) {
    return owned(scope, vpcId, vpcs, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
  }

  @Override
  public SubnetInfo subnet(Scope scope, String subnetId) {
    return owned(scope, subnetId, subnets, "InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
  }

  @Override
  public SecurityGroupInfo securityGroup(Scope scope, String groupId) {
    return owned(scope, groupId, groups, "InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
  }

  @Override
  public String defaultSecurityGroupId(Scope scope, String vpcId) {
    return groups.values().stream().filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default"))
        .findFirst().orElseThrow().groupId();
  }

  @Override
  public InstanceInfo instance(Scope scope, String instanceId) {
    return owned(scope, instanceId, instances, "InvalidInstanceID.NotFound",
        "The instance ID '" + instanceId + "' does not exist");
  }

  /** Six zones, a to f, with ids use1-az1 to use1-az6. */
  @Override
  public List<ZoneInfo> availabilityZones(String region) {
    List<ZoneInfo> out = new ArrayList<>();
    for (char z = 'a'; z <= 'f'; z++) {
      out.add(new ZoneInfo(region + z, zoneId(region + z)));
    }
    return out;
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
    String ip = Cidr.parse(subnet.cidr()).addressText(3 + n);
    enis.put(id, new Eni(ctx.scope(), id, ip, request, request.groupIds()));
    return new InterfaceInfo(id, ip, subnet.subnetId(), subnet.availabilityZone());
  }

  @Override
  public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) {
    Eni e = enis.get(eniId);
    enis.put(eniId, new Eni(e.scope(), e.id(), e.ip(), e.request(), groupIds));
  }

  @Override
  public void deleteManagedInterface(Scope scope, String eniId) {
    enis.remove(eniId);
  }

  private <T> T owned(Scope scope, String id, Map<String, T> table, String code, String message) {
    T found = table.get(id);
    if (found == null || !scope.equals(owners.get(id))) {
      throw AwsException.badRequest(code, message);
    }
    return found;
  }

  /** us-east-1a → use1-az1: zone ids are fixed per zone here, as in one AWS account. */
  private static String zoneId(String zone) {
    return "use1-az" + (zone.charAt(zone.length() - 1) - 'a' + 1);
  }

  private String id(String prefix) {
    return String.format("%s-%017x", prefix, ++counter);
  }
}
