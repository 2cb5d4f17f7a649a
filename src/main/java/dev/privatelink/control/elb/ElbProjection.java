package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;

/**
 * Projects the ELB state onto the data plane's {@link LoadBalancerSpec} records: nodes, listeners
 * with their certificate PEMs (default first), rules, and the target groups the load balancer
 * forwards to, with targets resolved to addresses (instances to their private IP, {@code alb}
 * targets to one entry per ALB node). Call it under the cloud's read lock.
 */
final class ElbProjection {
  private final ElbState state;
  private final Network network;
  private final AcmCertificates acm;

  ElbProjection(ElbState state, Network network, AcmCertificates acm) {
    this.state = state;
    this.network = network;
    this.acm = acm;
  }

  List<LoadBalancerSpec> loadBalancers() {
    List<LoadBalancerSpec> out = new ArrayList<>();
    for (Map.Entry<Scope, LoadBalancerRecord> e : state.loadBalancers.everywhere()) {
      out.add(loadBalancer(e.getKey(), e.getValue()));
    }
    return out;
  }

  LoadBalancerSpec loadBalancer(Scope scope, LoadBalancerRecord lb) {
    boolean crossZone = lb.isApplication() || "true".equals(lb.attributes().get("load_balancing.cross_zone.enabled"));
    int idle = Integer.parseInt(lb.attributes().getOrDefault("idle_timeout.timeout_seconds", "350"));
    List<LoadBalancerSpec.Node> nodes = lb.nodes().stream()
        .map(n -> new LoadBalancerSpec.Node(n.zoneName(), n.subnetId(), n.eniId(), n.privateIp())).toList();
    List<ListenerSpec> listeners = state.listenersOf(scope, lb.arn()).stream().map(l -> listener(scope, l)).toList();
    List<TargetGroupSpec> groups = state.targetGroupsOf(scope, lb.arn()).stream()
        .flatMap(arn -> state.targetGroups.find(scope, arn).stream()).map(g -> targetGroup(scope, g)).toList();
    return new LoadBalancerSpec(lb.arn(), lb.name(), lb.type(), lb.dnsName(), crossZone, idle, nodes, listeners, groups);
  }

  private ListenerSpec listener(Scope scope, ListenerRecord l) {
    List<ListenerSpec.CertificateSpec> certs = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    if (l.defaultCertificate() != null) {
      arns.add(l.defaultCertificate());
    }
    arns.addAll(l.extraCertificates());
    for (String arn : arns) {
      acm.certificate(scope, arn).ifPresent(c -> certs.add(new ListenerSpec.CertificateSpec(arn,
          c.material().certificatePem(), c.material().chainPem(), c.material().privateKeyPem())));
    }
    int tcpIdle = Integer.parseInt(l.attributes().getOrDefault("tcp.idle_timeout.seconds", "350"));
    List<ListenerSpec.RuleSpec> rules = state.rulesOf(scope, l.arn()).stream().map(r -> new ListenerSpec.RuleSpec(
        r.priority(), r.conditions().stream().map(c -> new ListenerSpec.Condition(c.field(),
            c.httpHeaderConfig() == null ? null : c.httpHeaderConfig().httpHeaderName(), RuleConditions.values(c)))
            .toList(), action(r.actions()))).toList();
    return new ListenerSpec(l.arn(), l.port(), l.protocol(), certs, l.sslPolicy(), l.alpnPolicy(), tcpIdle,
        action(l.defaultActions()), rules);
  }

  static ActionSpec action(List<Action> actions) {
    Action a = actions.getFirst();
    return switch (a.typeAsString()) {
      case "forward" -> new ActionSpec.Forward(a.forwardConfig().targetGroups().stream()
          .map(t -> new ActionSpec.WeightedTargetGroup(t.targetGroupArn(), t.weight() == null ? 1 : t.weight())).toList());
      case "fixed-response" -> new ActionSpec.FixedResponse(Integer.parseInt(a.fixedResponseConfig().statusCode()),
          a.fixedResponseConfig().contentType(), a.fixedResponseConfig().messageBody());
      default -> {
        var r = a.redirectConfig();
        yield new ActionSpec.Redirect(r.protocol(), r.host(), r.port(), r.path(), r.query(),
            r.statusCodeAsString().equals("HTTP_301") ? 301 : 302);
      }
    };
  }

  private TargetGroupSpec targetGroup(Scope scope, TargetGroupRecord g) {
    var hc = g.healthCheck();
    var health = new TargetGroupSpec.HealthCheckSpec(hc.enabled(), hc.protocol(),
        hc.port().equals("traffic-port") ? -1 : Integer.parseInt(hc.port()), hc.path(), hc.intervalSeconds(),
        hc.timeoutSeconds(), hc.healthyThreshold(), hc.unhealthyThreshold(), hc.matcher());
    List<TargetGroupSpec.TargetSpec> targets = new ArrayList<>();
    for (RegisteredTarget t : state.targetsOf(scope, g.arn())) {
      targets.addAll(resolve(scope, g, t));
    }
    return new TargetGroupSpec(g.arn(), g.protocol(), g.port(), g.targetType(), health,
        "true".equals(g.attributes().get("proxy_protocol_v2.enabled")),
        Integer.parseInt(g.attributes().getOrDefault("deregistration_delay.timeout_seconds", "300")), targets);
  }

  private List<TargetGroupSpec.TargetSpec> resolve(Scope scope, TargetGroupRecord g, RegisteredTarget t) {
    switch (g.targetType()) {
      case "instance" -> {
        try {
          Network.InstanceInfo i = network.instance(scope, t.id());
          return List.of(new TargetGroupSpec.TargetSpec(t.id(), i.privateIp(), t.port(), i.availabilityZone(), t.draining()));
        } catch (AwsException e) {
          return List.of(); // a terminated instance has no address left to send to
        }
      }
      case "alb" -> {
        return state.loadBalancers.find(scope, t.id()).map(alb -> alb.nodes().stream()
            .map(n -> new TargetGroupSpec.TargetSpec(t.id(), n.privateIp(), t.port(), n.zoneName(), t.draining()))
            .toList()).orElse(List.of());
      }
      default -> {
        return List.of(new TargetGroupSpec.TargetSpec(t.id(), t.id(), t.port(), t.availabilityZone(), t.draining()));
      }
    }
  }

  /** When each draining target's deregistration delay ends; the data plane sends Tick(group ARN) then. */
  List<DrainDeadline> drainDeadlines() {
    List<DrainDeadline> out = new ArrayList<>();
    for (var e : state.targetGroups.everywhere()) {
      for (RegisteredTarget t : state.targetsOf(e.getKey(), e.getValue().arn())) {
        if (t.draining()) {
          out.add(new DrainDeadline(e.getValue().arn(), t.id(), t.port(), TargetEvents.drainDeadline(e.getValue(), t)));
        }
      }
    }
    return out;
  }
}
