package dev.privatelink.control.reachability;

import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.routetable.RouteTableRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.privatelink.PrivateLink;
import dev.privatelink.model.Cidr;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AnalysisAclRule;
import software.amazon.awssdk.services.ec2.model.AnalysisRouteTableRoute;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Walks a network insights path over the state: from the source's network interface out through
 * its security groups, the subnet's network ACL and route table, into the destination interface's
 * ACL and groups, then on through what owns that interface (an instance, an interface endpoint and
 * its service's load balancers, a load balancer). The first thing that does not admit the flow
 * ends the walk with its explanation.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html">How Reachability Analyzer works</a>
 */
final class PathAnalyzer {
  private final Ec2State ec2;
  private final SecurityGroupCheck groups;
  private final EndpointLeg endpoints;
  private final LoadBalancerLeg loadBalancers;

  PathAnalyzer(Ec2State ec2, Elb elb, PrivateLink privateLink) {
    this.ec2 = ec2;
    this.groups = new SecurityGroupCheck(ec2);
    this.loadBalancers = new LoadBalancerLeg(this, ec2, elb);
    this.endpoints = new EndpointLeg(loadBalancers, elb, privateLink);
  }

  /** What the analysis found: the forward path components and, if blocked, why. */
  Walk analyze(Scope scope, PathEnds ends) {
    Walk walk = new Walk(scope.region());
    NetworkInterfaceRecord source = ends.source();
    if (source.owner() instanceof InterfaceOwner.Instance i) {
      walk.hop(scope.accountId(), i.id(), b -> b);
    }
    Flow flow = new Flow(ends.protocol(), ends.sourceIp(), ends.destinationIp(), ends.port(), source.groupIds());
    walk.hop(scope.accountId(), source.networkInterfaceId(), b -> b.outboundHeader(Walk.header(flow))
        .subnet(Walk.component(scope.region(), scope.accountId(), source.subnetId()))
        .vpc(Walk.component(scope.region(), scope.accountId(), source.vpcId())));
    if (!leave(walk, scope, source, flow)) {
      return walk.finish();
    }
    NetworkInterfaceRecord destination = ends.destination();
    if (destination == null) {
      walk.block(ExplanationCode.UNKNOWN_DESTINATION, e -> e.address(flow.destinationIp()));
      return walk.finish();
    }
    if (enter(walk, scope, destination, flow)) {
      arrive(walk, scope, destination, flow);
    }
    return walk.finish();
  }

  /** Egress through the source's groups, the source subnet's ACL and a route to the destination. */
  private boolean leave(Walk walk, Scope scope, NetworkInterfaceRecord eni, Flow flow) {
    if (!allowedBy(walk, scope, eni, true, flow)) {
      return false;
    }
    acl(walk, scope, eni, true);
    return route(walk, scope, eni, flow);
  }

  /** Ingress through the destination subnet's ACL and the destination interface's groups. */
  boolean enter(Walk walk, Scope scope, NetworkInterfaceRecord eni, Flow flow) {
    acl(walk, scope, eni, false);
    if (!allowedBy(walk, scope, eni, false, flow)) {
      return false;
    }
    walk.hop(scope.accountId(), eni.networkInterfaceId(), b -> b.inboundHeader(Walk.header(flow))
        .subnet(Walk.component(scope.region(), scope.accountId(), eni.subnetId()))
        .vpc(Walk.component(scope.region(), scope.accountId(), eni.vpcId())));
    return true;
  }

  private void arrive(Walk walk, Scope scope, NetworkInterfaceRecord eni, Flow flow) {
    switch (eni.owner()) {
      case InterfaceOwner.Instance i -> instance(walk, scope, i.id());
      case InterfaceOwner.VpcEndpoint e -> endpoints.follow(walk, scope, e.id(), eni, flow);
      case InterfaceOwner.LoadBalancerNode lb -> loadBalancers.follow(walk, scope, lb.id(), eni, flow);
      case InterfaceOwner.Unattached u -> { }
    }
  }

  /** The instance a flow arrives at: it answers only while running. */
  void instance(Walk walk, Scope scope, String instanceId) {
    var instance = ec2.instances().find(scope, instanceId);
    walk.hop(scope.accountId(), instanceId, b -> b);
    if (instance.isEmpty() || instance.get().state() != InstanceStateName.RUNNING) {
      String state = instance.map(r -> r.state().toString()).orElse("terminated");
      walk.block(ExplanationCode.BAD_STATE, e -> e.component(Walk.component(walk.region(), scope.accountId(), instanceId))
          .state(state));
    }
  }

  boolean allowedBy(Walk walk, Scope scope, NetworkInterfaceRecord eni, boolean egress, Flow flow) {
    return allowedBy(walk, scope, eni, eni.groupIds(), egress, flow);
  }

  /** Whether {@code groupIds} (the interface's, or its load balancer's) admit the flow; blocks the walk if not. */
  boolean allowedBy(Walk walk, Scope scope, NetworkInterfaceRecord eni, List<String> groupIds, boolean egress, Flow flow) {
    var rule = groups.admits(scope, groupIds, egress, flow);
    if (rule.isPresent()) {
      walk.hop(scope.accountId(), rule.get().securityGroupId(), b -> b.securityGroupRule(rule.get()));
      return true;
    }
    return walk.block(ExplanationCode.ENI_SG_RULES_MISMATCH, e -> e
        .direction(egress ? "egress" : "ingress")
        .networkInterface(Walk.component(walk.region(), scope.accountId(), eni.networkInterfaceId()))
        .securityGroups(groupIds.stream().map(g -> Walk.component(walk.region(), scope.accountId(), g)).toList())
        .subnet(Walk.component(walk.region(), scope.accountId(), eni.subnetId()))
        .vpc(Walk.component(walk.region(), scope.accountId(), eni.vpcId())));
  }

  /** The subnet's network ACL: every VPC has only its default ACL here, whose rule 100 admits everything. */
  private void acl(Walk walk, Scope scope, NetworkInterfaceRecord eni, boolean egress) {
    Optional<VpcRecord> vpc = ec2.vpcs().find(scope, eni.vpcId());
    vpc.ifPresent(v -> walk.hop(scope.accountId(), v.defaultNetworkAclId(), b -> b.aclRule(AnalysisAclRule.builder()
        .cidr("0.0.0.0/0").egress(egress).protocol("all").ruleAction("allow").ruleNumber(100).build())));
  }

  /** The most specific route of the subnet's table (or the VPC's main one) whose destination holds the address. */
  private boolean route(Walk walk, Scope scope, NetworkInterfaceRecord eni, Flow flow) {
    Optional<RouteTableRecord> table = routeTable(scope, eni);
    Optional<RouteTableRecord.Route> route = table.stream().flatMap(t -> t.routes().stream())
        .filter(r -> r.destinationCidrBlock() != null && Cidr.parse(r.destinationCidrBlock()).contains(flow.destinationIp()))
        .max(Comparator.comparingInt(r -> Cidr.parse(r.destinationCidrBlock()).prefixLength()));
    if (table.isEmpty() || route.isEmpty()) {
      return walk.block(ExplanationCode.NO_ROUTE_TO_DESTINATION, e -> e.address(flow.destinationIp())
          .subnet(Walk.component(walk.region(), scope.accountId(), eni.subnetId())));
    }
    RouteTableRecord.Route r = route.get();
    walk.hop(scope.accountId(), table.get().routeTableId(), b -> b.routeTableRoute(AnalysisRouteTableRoute.builder()
        .destinationCidr(r.destinationCidrBlock()).gatewayId(r.isLocal() ? "local" : r.targetId())
        .origin(r.origin()).state("active").build()));
    return true;
  }

  private Optional<RouteTableRecord> routeTable(Scope scope, NetworkInterfaceRecord eni) {
    List<RouteTableRecord> tables = ec2.routeTables().where(scope, t -> t.vpcId().equals(eni.vpcId()));
    return tables.stream().filter(t -> t.associations().stream().anyMatch(a -> eni.subnetId().equals(a.subnetId())))
        .findFirst().or(() -> tables.stream().filter(RouteTableRecord::isMain).findFirst());
  }

  /**
   * The two ends of a path once resolved: the source interface, the destination interface (null
   * when no interface of the source's VPC holds the destination address), the addresses, the
   * protocol and the destination port ({@code -1} for any).
   */
  record PathEnds(NetworkInterfaceRecord source, @Nullable NetworkInterfaceRecord destination, String sourceIp,
      String destinationIp, String protocol, int port) {}
}
