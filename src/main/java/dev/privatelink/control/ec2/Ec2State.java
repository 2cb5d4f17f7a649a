package dev.privatelink.control.ec2;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import dev.privatelink.control.ec2.dhcp.DhcpOptionsRecord;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.gateway.InternetGatewayRecord;
import dev.privatelink.control.ec2.instance.InstanceRecord;
import dev.privatelink.control.ec2.keypair.KeyPairRecord;
import dev.privatelink.control.ec2.prefixlist.ManagedPrefixListRecord;
import dev.privatelink.control.ec2.routetable.RouteTableRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.control.ec2.subnet.SubnetCidrReservationRecord;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.ec2.tagging.TaggableResources;
import dev.privatelink.control.ec2.vpc.VpcCidrAssociation;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Every EC2 resource of every account and region, shared by the EC2 action handlers, with the
 * look-ups that throw AWS's NotFound errors.
 */
public final class Ec2State {
  private final Ec2Tags tags;
  private final TaggableResources taggable = new TaggableResources();
  private final ScopedTable<VpcRecord> vpcs = new ScopedTable<>();
  private final ScopedTable<SubnetRecord> subnets = new ScopedTable<>();
  private final ScopedTable<InternetGatewayRecord> internetGateways = new ScopedTable<>();
  private final ScopedTable<RouteTableRecord> routeTables = new ScopedTable<>();
  private final ScopedTable<SecurityGroupRecord> securityGroups = new ScopedTable<>();
  private final ScopedTable<NetworkInterfaceRecord> networkInterfaces = new ScopedTable<>();
  private final ScopedTable<InstanceRecord> instances = new ScopedTable<>();
  /** Key pairs by name, the key EC2 addresses them by. */
  private final ScopedTable<KeyPairRecord> keyPairs = new ScopedTable<>();
  private final ScopedTable<DhcpOptionsRecord> dhcpOptions = new ScopedTable<>();
  /** The id of each account and region's default DHCP options set, under the key {@code default}. */
  private final ScopedTable<String> defaultDhcpOptions = new ScopedTable<>();
  /** The scopes whose default VPC was made (it may have been deleted since). */
  private final java.util.Set<Scope> opened = new java.util.HashSet<>();
  /** Scopes where CreateVpc ran: replaying journals written before default VPCs existed depends on it. */
  private final java.util.Set<Scope> createdVpcs = new java.util.HashSet<>();
  private final ScopedTable<ManagedPrefixListRecord> prefixLists = new ScopedTable<>();
  /** CIDR blocks associated with VPCs after creation, by association id. */
  private final ScopedTable<VpcCidrAssociation> vpcCidrAssociations = new ScopedTable<>();
  private final ScopedTable<SubnetCidrReservationRecord> subnetCidrReservations = new ScopedTable<>();
  private final List<java.util.function.BiPredicate<Scope, String>> vpcDependents = new java.util.ArrayList<>();

  public Ec2State(Ec2Tags tags) {
    this.tags = tags;
  }

  public Ec2Tags tags() { return tags; }
  public TaggableResources taggable() { return taggable; }
  public ScopedTable<VpcRecord> vpcs() { return vpcs; }
  public ScopedTable<SubnetRecord> subnets() { return subnets; }
  public ScopedTable<InternetGatewayRecord> internetGateways() { return internetGateways; }
  public ScopedTable<RouteTableRecord> routeTables() { return routeTables; }
  public ScopedTable<SecurityGroupRecord> securityGroups() { return securityGroups; }
  public ScopedTable<NetworkInterfaceRecord> networkInterfaces() { return networkInterfaces; }
  public ScopedTable<InstanceRecord> instances() { return instances; }
  public ScopedTable<KeyPairRecord> keyPairs() { return keyPairs; }
  /** Customer-managed prefix lists (AWS-managed ones are {@code AwsPrefixLists}, the same everywhere). */
  public ScopedTable<ManagedPrefixListRecord> prefixLists() { return prefixLists; }
  public ScopedTable<DhcpOptionsRecord> dhcpOptions() { return dhcpOptions; }
  public ScopedTable<String> defaultDhcpOptions() { return defaultDhcpOptions; }
  public java.util.Set<Scope> opened() { return opened; }
  public java.util.Set<Scope> createdVpcs() { return createdVpcs; }
  public ScopedTable<VpcCidrAssociation> vpcCidrAssociations() { return vpcCidrAssociations; }
  public ScopedTable<SubnetCidrReservationRecord> subnetCidrReservations() { return subnetCidrReservations; }

  /** A VPC's IPv4 blocks: the primary one first, then the secondary ones in association order. */
  public List<dev.privatelink.model.Cidr> vpcIpv4Blocks(Scope scope, VpcRecord vpc) {
    var blocks = new java.util.ArrayList<dev.privatelink.model.Cidr>(List.of(vpc.cidr()));
    vpcCidrAssociations.where(scope, a -> a.vpcId().equals(vpc.vpcId()) && !a.isIpv6()).forEach(a -> blocks.add(a.ipv4()));
    return blocks;
  }

  /** The account's default VPC in the region, if it has one. */
  public Optional<VpcRecord> defaultVpc(Scope scope) {
    return vpcs.all(scope).stream().filter(VpcRecord::isDefault).findFirst();
  }

  public DhcpOptionsRecord dhcpOptionsSet(Scope scope, String id) {
    return dhcpOptions.find(scope, id).orElseThrow(() -> Ec2Errors.dhcpOptionsNotFound(id));
  }

  /**
   * Adds a test other features use to keep a VPC from being deleted while they have resources in
   * it (e.g. VPC endpoints): given a scope and a VPC id, true if something still depends on it.
   */
  public void addVpcDependent(java.util.function.BiPredicate<Scope, String> dependent) {
    vpcDependents.add(dependent);
  }

  public boolean hasForeignDependents(Scope scope, String vpcId) {
    return vpcDependents.stream().anyMatch(d -> d.test(scope, vpcId));
  }

  public VpcRecord vpc(Scope scope, String id) {
    return vpcs.find(scope, id).orElseThrow(() -> Ec2Errors.vpcNotFound(id));
  }

  public SubnetRecord subnet(Scope scope, String id) {
    return subnets.find(scope, id).orElseThrow(() -> Ec2Errors.subnetNotFound(id));
  }

  public SecurityGroupRecord securityGroup(Scope scope, String id) {
    return securityGroups.find(scope, id).orElseThrow(() -> Ec2Errors.groupNotFound(id));
  }

  public InternetGatewayRecord internetGateway(Scope scope, String id) {
    return internetGateways.find(scope, id).orElseThrow(() -> Ec2Errors.internetGatewayNotFound(id));
  }

  public RouteTableRecord routeTable(Scope scope, String id) {
    return routeTables.find(scope, id).orElseThrow(() -> Ec2Errors.routeTableNotFound(id));
  }

  public NetworkInterfaceRecord networkInterface(Scope scope, String id) {
    return networkInterfaces.find(scope, id).orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(id));
  }

  public InstanceRecord instance(Scope scope, String id) {
    return instances.find(scope, id).orElseThrow(() -> Ec2Errors.instanceNotFound(id));
  }

  public Optional<KeyPairRecord> keyPairById(Scope scope, String keyPairId) {
    return keyPairs.all(scope).stream().filter(k -> k.keyPairId().equals(keyPairId)).findFirst();
  }

  /** The resource's tags as SDK values (empty list when untagged). */
  public List<Tag> tagList(Scope scope, String resourceId) {
    return tags.of(scope, resourceId);
  }

  /**
   * The tags CreateKeyPair, ImportKeyPair and CreateSecurityGroup echo: AWS leaves tagSet out of
   * those answers when the request tagged nothing (null keeps the SDK list unset, so unsent).
   */
  public @Nullable List<Tag> echoedTags(Scope scope, String resourceId) {
    List<Tag> list = tags.of(scope, resourceId);
    return list.isEmpty() ? null : list;
  }

  public Map<String, String> tagMap(Scope scope, String resourceId) {
    return tags.map(scope, resourceId);
  }

  /** Finds a resource by id in whichever scope holds it (data-plane events carry no scope). */
  public static <T> Optional<Map.Entry<Scope, T>> findAnywhere(ScopedTable<T> table, java.util.function.Predicate<T> match) {
    return table.everywhere().stream().filter(e -> match.test(e.getValue())).findFirst();
  }
}
