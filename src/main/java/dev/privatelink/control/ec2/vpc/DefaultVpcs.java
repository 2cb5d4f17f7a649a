package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.Network.ZoneInfo;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.dhcp.DhcpOptionsRecord;
import dev.privatelink.control.ec2.gateway.InternetGatewayRecord;
import dev.privatelink.control.ec2.region.RegionCatalog;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Route;
import dev.privatelink.control.ec2.routetable.RouteTargetKind;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.model.Cidr;
import dev.privatelink.model.IdSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * The default VPC AWS gives every account in every region
 * (<a href="https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html">Default VPCs</a>):
 * 172.31.0.0/16 with DNS support and hostnames, a default /20 subnet per zone in zone order
 * (172.31.0.0/20, 172.31.16.0/20, …) that maps public addresses, an attached internet gateway
 * that the main route table sends 0.0.0.0/0 to, the default security group and network ACL, and
 * the default DHCP options set.
 *
 * <p>It is made the first time a scope is used ({@link #open}), with ids drawn from a seed that
 * is a function of the account and region alone: the state is then the same whether the first
 * use was a read or a mutation, and journal replay makes it again identically without recording it.
 */
public final class DefaultVpcs {
  static final Cidr CIDR = Cidr.parse("172.31.0.0/16");
  private static final int SUBNET_BITS = 4;

  private DefaultVpcs() {}

  /** True if the scope's defaults still have to be made. */
  public static boolean needsOpening(Ec2State state, Scope scope) {
    return !state.opened().contains(scope) && RegionCatalog.region(scope.region()).isPresent();
  }

  /** Makes the scope's default DHCP options set and default VPC, once; returns true if it made them. */
  public static boolean open(Ec2State state, Scope scope) {
    if (!needsOpening(state, scope)) {
      return false;
    }
    state.opened().add(scope);
    var ids = new IdSource(seed(scope));
    var ctx = new RequestContext(scope.accountId(), scope.region(), "arn:aws:iam::" + scope.accountId() + ":root",
        Instant.EPOCH, ids);
    var dhcp = DhcpOptionsRecord.amazonDefault(ids.ec2Id("dopt"), scope.accountId(), scope.region());
    state.dhcpOptions().put(scope, dhcp.dhcpOptionsId(), dhcp);
    state.defaultDhcpOptions().put(scope, "default", dhcp.dhcpOptionsId());
    create(ctx, state);
    return true;
  }

  /** The DHCP options set a new VPC gets: the scope's default set while it exists, else none. */
  public static String dhcpOptionsForNewVpc(Ec2State state, Scope scope) {
    return state.defaultDhcpOptions().find(scope, "default").filter(id -> state.dhcpOptions().find(scope, id).isPresent())
        .orElse("default");
  }

  /** Makes a default VPC with everything AWS makes with it, drawing ids from {@code ctx}. */
  static VpcRecord create(RequestContext ctx, Ec2State state) {
    Scope scope = ctx.scope();
    var vpc = new VpcRecord(ctx.ids().ec2Id("vpc"), ctx.accountId(), CIDR, ctx.ids().ec2Id("vpc-cidr-assoc"),
        VpcState.AVAILABLE, dhcpOptionsForNewVpc(state, scope), "default", true, true, false, ctx.ids().ec2Id("sg"),
        ctx.ids().ec2Id("rtb"), ctx.ids().ec2Id("acl"), true);
    state.vpcs().put(scope, vpc.vpcId(), vpc);
    VpcDefaults.create(ctx, state, vpc);
    var igw = new InternetGatewayRecord(ctx.ids().ec2Id("igw"), ctx.accountId(), vpc.vpcId());
    state.internetGateways().put(scope, igw.internetGatewayId(), igw);
    state.routeTables().put(scope, vpc.mainRouteTableId(), state.routeTable(scope, vpc.mainRouteTableId())
        .withRoutes(routes -> {
          routes.add(new Route("0.0.0.0/0", RouteTargetKind.GATEWAY, igw.internetGatewayId(), "CreateRoute"));
          return routes;
        }));
    List<ZoneInfo> zones = RegionCatalog.zones(ctx.region());
    for (int i = 0; i < zones.size(); i++) {
      createSubnet(ctx, state, vpc, zones.get(i), CIDR.subnet(SUBNET_BITS, i));
    }
    return vpc;
  }

  /** Makes a default subnet of a zone ({@code available}: it needs nothing on the host until used). */
  static SubnetRecord createSubnet(RequestContext ctx, Ec2State state, VpcRecord vpc, ZoneInfo zone, Cidr cidr) {
    var subnet = new SubnetRecord(ctx.ids().ec2Id("subnet"), vpc.vpcId(), ctx.accountId(), cidr, zone.zoneName(),
        zone.zoneId(), SubnetState.AVAILABLE, true, ctx.ids().ec2Id("aclassoc"), "ip-name", false, true);
    state.subnets().put(ctx.scope(), subnet.subnetId(), subnet);
    return subnet;
  }

  /**
   * Where a new default subnet of the zone goes: the /20 the zone had when the VPC was made, if
   * free, else the next free /20 of the VPC after it.
   */
  static Optional<Cidr> freeSubnetCidr(Ec2State state, Scope scope, VpcRecord vpc, ZoneInfo zone) {
    List<Cidr> taken = state.subnets().where(scope, s -> s.vpcId().equals(vpc.vpcId())).stream()
        .map(SubnetRecord::cidr).toList();
    int home = RegionCatalog.zones(scope.region()).indexOf(zone);
    int count = 1 << SUBNET_BITS;
    for (int n = 0; n < count; n++) {
      Cidr candidate = vpc.cidr().subnet(SUBNET_BITS, (home + n) % count);
      if (taken.stream().noneMatch(candidate::overlaps)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A 64-bit FNV-1a hash of the scope: distinct scopes get distinct, stable id sequences. */
  static long seed(Scope scope) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : ("default-vpc/" + scope.accountId() + "/" + scope.region()).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
