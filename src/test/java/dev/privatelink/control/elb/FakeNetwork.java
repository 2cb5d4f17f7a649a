package dev.privatelink.control.elb;

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

/** An in-memory EC2 network for ELB tests: one scope's VPCs, subnets, groups, instances and managed ENIs. */
public final class FakeNetwork implements Network {
  public final Map<String, VpcInfo> vpcs = new LinkedHashMap<>();
  public final Map<String, SubnetInfo> subnets = new LinkedHashMap<>();
  public final Map<String, SecurityGroupInfo> groups = new LinkedHashMap<>();
  public final Map<String, InstanceInfo> instances = new LinkedHashMap<>();
  public final Map<String, ManagedInterface> interfaces = new LinkedHashMap<>();
  public final Map<String, List<String>> interfaceGroups = new HashMap<>();
  private final Map<String, Integer> nextHost = new HashMap<>();
  private int counter;

  public String addVpc(String cidr) {
    String id = String.format("vpc-%017x", ++counter);
    vpcs.put(id, new VpcInfo(id, cidr, true, true));
    String sg = String.format("sg-%017x", ++counter);
    groups.put(sg, new SecurityGroupInfo(sg, "default", id));
    return id;
  }

  public String addSubnet(String vpcId, String cidr, String zone) {
    String id = String.format("subnet-%017x", ++counter);
    subnets.put(id, new SubnetInfo(id, vpcId, cidr, zone, "use1-az" + (zone.charAt(zone.length() - 1) - 'a' + 1)));
    return id;
  }

  public String addGroup(String vpcId, String name) {
    String id = String.format("sg-%017x", ++counter);
    groups.put(id, new SecurityGroupInfo(id, name, vpcId));
    return id;
  }

  public String addInstance(String subnetId, String ip, String state) {
    String id = String.format("i-%017x", ++counter);
    SubnetInfo s = subnets.get(subnetId);
    instances.put(id, new InstanceInfo(id, s.vpcId(), subnetId, ip, s.availabilityZone(), state));
    return id;
  }

  @Override
  public VpcInfo vpc(Scope scope, String vpcId) {
    return find(vpcs, vpcId, "InvalidVpcID.NotFound", "vpc");
  }

  @Override
  public SubnetInfo subnet(Scope scope, String subnetId) {
    return find(subnets, subnetId, "InvalidSubnetID.NotFound", "subnet");
  }

  @Override
  public SecurityGroupInfo securityGroup(Scope scope, String groupId) {
    return find(groups, groupId, "InvalidGroup.NotFound", "security group");
  }

  @Override
  public String defaultSecurityGroupId(Scope scope, String vpcId) {
    return groups.values().stream().filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals("default"))
        .findFirst().orElseThrow().groupId();
  }

  @Override
  public InstanceInfo instance(Scope scope, String instanceId) {
    return find(instances, instanceId, "InvalidInstanceID.NotFound", "instance");
  }

  @Override
  public List<ZoneInfo> availabilityZones(String region) {
    List<ZoneInfo> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.add(new ZoneInfo(region + (char) ('a' + i), "use1-az" + (i + 1)));
    }
    return out;
  }

  @Override
  public InterfaceInfo createManagedInterface(RequestContext ctx, ManagedInterface request) {
    SubnetInfo s = subnet(ctx.scope(), request.subnetId());
    int host = nextHost.merge(s.subnetId(), 1, Integer::sum) + 3;
    String eni = ctx.ids().ec2Id("eni");
    interfaces.put(eni, request);
    interfaceGroups.put(eni, request.groupIds());
    return new InterfaceInfo(eni, Cidr.parse(s.cidr()).addressText(host), s.subnetId(), s.availabilityZone());
  }

  @Override
  public void setInterfaceGroups(Scope scope, String eniId, List<String> groupIds) {
    interfaceGroups.put(eniId, groupIds);
  }

  @Override
  public void deleteManagedInterface(Scope scope, String eniId) {
    interfaces.remove(eniId);
  }

  private static <T> T find(Map<String, T> table, String id, String code, String kind) {
    T value = table.get(id);
    if (value == null) {
      throw AwsException.badRequest(code, "The " + kind + " ID '" + id + "' does not exist");
    }
    return value;
  }
}
