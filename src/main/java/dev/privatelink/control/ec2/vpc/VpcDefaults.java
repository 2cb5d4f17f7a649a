package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.routetable.RouteTableRecord;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Association;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Route;
import dev.privatelink.control.ec2.routetable.RouteTargetKind;
import dev.privatelink.control.ec2.securitygroup.RuleRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import java.util.List;

/**
 * What AWS makes with every VPC: the {@code default} security group (all traffic from its own
 * members in, everything out), and the main route table holding the {@code local} route. The
 * default network ACL has no state of its own here: it is rendered from the VPC.
 */
final class VpcDefaults {
  private VpcDefaults() {}

  static void create(RequestContext ctx, Ec2State state, VpcRecord vpc) {
    String owner = ctx.accountId();
    String groupId = vpc.defaultGroupId();
    var selfIngress = new RuleRecord(ctx.ids().ec2Id("sgr"), groupId, owner, false, "-1", -1, -1, null, null, null,
        groupId, owner, null);
    var allEgress = new RuleRecord(ctx.ids().ec2Id("sgr"), groupId, owner, true, "-1", -1, -1, "0.0.0.0/0", null, null,
        null, null, null);
    state.securityGroups().put(ctx.scope(), groupId, new SecurityGroupRecord(groupId, "default",
        "default VPC security group", vpc.vpcId(), owner, List.of(selfIngress, allEgress)));
    var local = new Route(vpc.cidr().toString(), RouteTargetKind.LOCAL, "local", "CreateRouteTable");
    var main = new Association(ctx.ids().ec2Id("rtbassoc"), null, true);
    state.routeTables().put(ctx.scope(), vpc.mainRouteTableId(),
        new RouteTableRecord(vpc.mainRouteTableId(), vpc.vpcId(), owner, List.of(local), List.of(main)));
  }
}
