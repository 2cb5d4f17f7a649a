package dev.privatelink.control.reachability;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.elb.ListenerRecord;
import dev.privatelink.control.elb.LoadBalancerRecord;
import dev.privatelink.control.elb.TargetAddress;
import dev.privatelink.control.elb.TargetGroupRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AnalysisLoadBalancerTarget;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The load balancer part of a path: a node (its security groups, if it has any), the listener on
 * the destination port, the target group it forwards to, a target the node may send to (its zone,
 * unless cross-zone load balancing is on), preferably one in a usable health state, and on from
 * the node's address to that target: an instance, an address, or an application load balancer's
 * node. With no target in a usable state the path is blocked by its state, unless something
 * further on blocks it first (see {@link Walk#defer}).
 */
final class LoadBalancerLeg {
  /** Health states in which a load balancer does not send a target traffic that gets an answer. */
  private static final Set<TargetHealthStateEnum> UNUSABLE = Set.of(TargetHealthStateEnum.UNHEALTHY,
      TargetHealthStateEnum.UNUSED, TargetHealthStateEnum.DRAINING);
  private final PathAnalyzer network;
  private final Ec2State ec2;
  private final Elb elb;

  LoadBalancerLeg(PathAnalyzer network, Ec2State ec2, Elb elb) {
    this.network = network;
    this.ec2 = ec2;
    this.elb = elb;
  }

  /** A flow that reached a load balancer node's interface directly (a load balancer as destination). */
  void follow(Walk walk, Scope scope, String arn, NetworkInterfaceRecord eni, Flow flow) {
    elb.loadBalancer(scope, arn).ifPresent(lb -> lb.nodes().stream()
        .filter(n -> n.eniId().equals(eni.networkInterfaceId())).findFirst()
        .ifPresent(node -> enterNode(walk, scope, lb, node, flow)));
  }

  void enterNode(Walk walk, Scope scope, LoadBalancerRecord lb, LoadBalancerRecord.Node node, Flow flow) {
    Optional<NetworkInterfaceRecord> eni = ec2.networkInterfaces().find(scope, node.eniId());
    if (eni.isPresent() && !lb.securityGroups().isEmpty()
        && !network.allowedBy(walk, scope, eni.get(), lb.securityGroups(), false, flow)) {
      return;
    }
    walk.hop(scope.accountId(), lb.arn(), b -> b.inboundHeader(Walk.header(flow)));
    if (lb.state() != LoadBalancerStateEnum.ACTIVE) {
      walk.block(ExplanationCode.BAD_STATE, e -> e.loadBalancerArn(lb.arn()).state(lb.state().toString()));
      return;
    }
    Optional<ListenerRecord> listener = elb.listenersOf(scope, lb.arn()).stream()
        .filter(l -> flow.destinationPort() < 0 || l.port() == flow.destinationPort()).findFirst();
    if (listener.isEmpty()) {
      walk.block(ExplanationCode.ELBV2_LISTENERS_MISMATCH, e -> e.loadBalancerArn(lb.arn())
          .loadBalancerListenerPort(flow.destinationPort() < 0 ? null : flow.destinationPort()));
      return;
    }
    walk.hop(scope.accountId(), listener.get().arn(), b -> b
        .elasticLoadBalancerListener(Walk.component(walk.region(), scope.accountId(), listener.get().arn())));
    Optional<TargetGroupRecord> group = forwardTarget(listener.get()).flatMap(arn -> elb.targetGroup(scope, arn));
    if (group.isEmpty()) {
      walk.block(ExplanationCode.ELBV2_LISTENER_REQUIRES_TG_ACCEPT, e -> e.loadBalancerArn(lb.arn())
          .elasticLoadBalancerListener(Walk.component(walk.region(), scope.accountId(), listener.get().arn())));
      return;
    }
    toTarget(walk, scope, lb, node, group.get(), flow);
  }

  private void toTarget(Walk walk, Scope scope, LoadBalancerRecord lb, LoadBalancerRecord.Node node, TargetGroupRecord group,
      Flow flow) {
    walk.hop(scope.accountId(), group.arn(), b -> b);
    List<TargetAddress> targets = elb.targetAddressesOf(scope, group).stream().filter(t -> !t.draining()).toList();
    if (targets.isEmpty()) {
      walk.block(ExplanationCode.ELBV2_LISTENER_HAS_NO_TG, e -> e.loadBalancerArn(lb.arn())
          .loadBalancerTargetGroup(Walk.component(walk.region(), scope.accountId(), group.arn())));
      return;
    }
    boolean crossZone = lb.type() == LoadBalancerTypeEnum.APPLICATION
        || Boolean.parseBoolean(lb.attributes().get("load_balancing.cross_zone.enabled"));
    // A target registered without a zone is in none: only cross-zone load balancing reaches it.
    List<TargetAddress> reachable = targets.stream().filter(t -> crossZone || node.zoneName().equals(t.availabilityZone()))
        .toList();
    if (reachable.isEmpty()) {
      walk.block(ExplanationCode.ELB_NOT_CROSSZONE, e -> e.loadBalancerArn(lb.arn()).availabilityZones(node.zoneName())
          .loadBalancerTargetGroup(Walk.component(walk.region(), scope.accountId(), group.arn())));
      return;
    }
    List<TargetHealthDescription> health = elb.targetHealthOf(scope, group);
    Optional<TargetAddress> usable = reachable.stream().filter(t -> !UNUSABLE.contains(stateOf(health, t))).findFirst();
    if (usable.isEmpty()) {
      TargetAddress first = reachable.getFirst();
      TargetHealthStateEnum state = stateOf(health, first);
      walk.defer(ExplanationCode.BAD_STATE, e -> e.loadBalancerTarget(target(first))
          .loadBalancerTargetGroup(Walk.component(walk.region(), scope.accountId(), group.arn()))
          .state(state == null ? null : state.toString()));
    }
    send(walk, scope, lb, node, group, usable.orElse(reachable.getFirst()), flow);
  }

  /** From the node's own address to the chosen target, through the node's egress rules and the target's ingress. */
  private void send(Walk walk, Scope scope, LoadBalancerRecord lb, LoadBalancerRecord.Node node, TargetGroupRecord group,
      TargetAddress target, Flow flow) {
    Flow out = flow.from(node.privateIp(), lb.securityGroups(), target.ip(), target.port());
    Optional<NetworkInterfaceRecord> nodeEni = ec2.networkInterfaces().find(scope, node.eniId());
    if (nodeEni.isPresent() && !lb.securityGroups().isEmpty()
        && !network.allowedBy(walk, scope, nodeEni.get(), lb.securityGroups(), true, out)) {
      return;
    }
    if (group.targetType() == TargetTypeEnum.ALB) {
      elb.loadBalancer(scope, target.targetId()).ifPresent(alb -> alb.nodes().stream()
          .filter(n -> n.privateIp().equals(target.ip())).findFirst()
          .ifPresent(albNode -> enterNode(walk, scope, alb, albNode, out)));
      return;
    }
    Optional<NetworkInterfaceRecord> eni = ec2.networkInterfaces().where(scope, i -> i.vpcId().equals(group.vpcId())
        && i.privateIp().equals(target.ip())).stream().findFirst();
    if (eni.isEmpty()) {
      walk.block(ExplanationCode.UNKNOWN_DESTINATION, e -> e.address(target.ip()));
      return;
    }
    if (network.enter(walk, scope, eni.get(), out) && group.targetType() == TargetTypeEnum.INSTANCE) {
      network.instance(walk, scope, target.targetId());
    }
  }

  private static Optional<String> forwardTarget(ListenerRecord listener) {
    for (Action action : listener.defaultActions()) {
      if (action.targetGroupArn() != null) {
        return Optional.of(action.targetGroupArn());
      }
      if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
        return Optional.of(action.forwardConfig().targetGroups().getFirst().targetGroupArn());
      }
    }
    return Optional.empty();
  }

  private static @Nullable TargetHealthStateEnum stateOf(List<TargetHealthDescription> health, TargetAddress target) {
    return health.stream().filter(h -> h.target().id().equals(target.targetId())
            && (h.target().port() == null || h.target().port() == target.port()))
        .map(h -> h.targetHealth().state()).findFirst().orElse(null);
  }

  private static AnalysisLoadBalancerTarget target(TargetAddress t) {
    return AnalysisLoadBalancerTarget.builder().address(t.ip()).port(t.port()).availabilityZone(t.availabilityZone()).build();
  }
}
