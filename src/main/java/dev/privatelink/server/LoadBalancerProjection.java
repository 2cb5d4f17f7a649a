package dev.privatelink.server;

import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.elb.ListenerRecord;
import dev.privatelink.control.elb.LoadBalancerRecord;
import dev.privatelink.control.elb.RuleConditions;
import dev.privatelink.control.elb.TargetGroupRecord;
import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;

/**
 * Projects the ELB state onto the data plane's {@link LoadBalancerSpec} records: nodes, listeners
 * with their certificate PEMs (default first), rules, and the target groups the load balancer
 * forwards to, with targets resolved to addresses. It lives here, beside {@link HostProjection},
 * so that control never names a data-plane type. Call it under the cloud's read lock
 * ({@code cloud.read(LoadBalancerProjection::loadBalancers)}).
 */
public final class LoadBalancerProjection {
  private LoadBalancerProjection() {}

  /** Every load balancer of every account and region as the data plane realises it. */
  public static List<LoadBalancerSpec> loadBalancers(Features features) {
    List<LoadBalancerSpec> out = new ArrayList<>();
    for (Map.Entry<Scope, LoadBalancerRecord> e : features.elb().loadBalancers()) {
      out.add(loadBalancer(features, e.getKey(), e.getValue()));
    }
    return out;
  }

  private static LoadBalancerSpec loadBalancer(Features features, Scope scope, LoadBalancerRecord lb) {
    Elb elb = features.elb();
    boolean crossZone = lb.type() == LoadBalancerTypeEnum.APPLICATION
        || Boolean.parseBoolean(lb.attributes().get("load_balancing.cross_zone.enabled"));
    int idle = Integer.parseInt(lb.attributes().getOrDefault("idle_timeout.timeout_seconds", "350"));
    List<LoadBalancerSpec.Node> nodes = lb.nodes().stream()
        .map(n -> new LoadBalancerSpec.Node(n.zoneName(), n.subnetId(), n.eniId(), n.privateIp())).toList();
    List<ListenerSpec> listeners = elb.listenersOf(scope, lb.arn()).stream().map(l -> listener(features, scope, l)).toList();
    List<TargetGroupSpec> groups = elb.targetGroupsOf(scope, lb.arn()).stream()
        .map(g -> targetGroup(elb, scope, g)).toList();
    return new LoadBalancerSpec(lb.arn(), lb.name(), lb.type().toString(), lb.dnsName(), crossZone, idle, nodes,
        listeners, groups);
  }

  private static ListenerSpec listener(Features features, Scope scope, ListenerRecord l) {
    List<ListenerSpec.CertificateSpec> certs = new ArrayList<>();
    List<String> arns = new ArrayList<>();
    if (l.defaultCertificate() != null) {
      arns.add(l.defaultCertificate());
    }
    arns.addAll(l.extraCertificates());
    for (String arn : arns) {
      features.acm().certificate(scope, arn).ifPresent(c -> certs.add(new ListenerSpec.CertificateSpec(arn,
          c.material().certificatePem(), c.material().chainPem(), c.material().privateKeyPem())));
    }
    int tcpIdle = Integer.parseInt(l.attributes().getOrDefault("tcp.idle_timeout.seconds", "350"));
    List<ListenerSpec.RuleSpec> rules = features.elb().rulesOf(scope, l.arn()).stream().map(r -> new ListenerSpec.RuleSpec(
        r.priority(), r.conditions().stream().map(c -> new ListenerSpec.Condition(RuleConditions.field(c),
            c.httpHeaderConfig() == null ? null : c.httpHeaderConfig().httpHeaderName(), RuleConditions.values(c)))
            .toList(), action(r.actions()))).toList();
    return new ListenerSpec(l.arn(), l.port(), l.protocol(), certs, l.sslPolicy(), l.alpnPolicy(), tcpIdle,
        action(l.defaultActions()), rules);
  }

  /** The first action decides: control accepts only forward, fixed-response and redirect. */
  static ActionSpec action(List<Action> actions) {
    Action a = actions.getFirst();
    return switch (a.type()) {
      case FORWARD -> new ActionSpec.Forward(a.forwardConfig().targetGroups().stream()
          .map(t -> new ActionSpec.WeightedTargetGroup(t.targetGroupArn(), t.weight() == null ? 1 : t.weight())).toList());
      case FIXED_RESPONSE -> new ActionSpec.FixedResponse(Integer.parseInt(a.fixedResponseConfig().statusCode()),
          a.fixedResponseConfig().contentType(), a.fixedResponseConfig().messageBody());
      case REDIRECT -> {
        var r = a.redirectConfig();
        yield new ActionSpec.Redirect(r.protocol(), r.host(), r.port(), r.path(), r.query(),
            r.statusCode() == RedirectActionStatusCodeEnum.HTTP_301 ? 301 : 302);
      }
      case AUTHENTICATE_OIDC, AUTHENTICATE_COGNITO, JWT_VALIDATION, UNKNOWN_TO_SDK_VERSION ->
          throw new IllegalStateException("stored action type " + a.typeAsString());
    };
  }

  private static TargetGroupSpec targetGroup(Elb elb, Scope scope, TargetGroupRecord g) {
    var hc = g.healthCheck();
    var health = new TargetGroupSpec.HealthCheckSpec(hc.enabled(), hc.protocol(),
        hc.isTrafficPort() ? -1 : Integer.parseInt(hc.port()), hc.path(), hc.intervalSeconds(),
        hc.timeoutSeconds(), hc.healthyThreshold(), hc.unhealthyThreshold(), hc.matcher());
    List<TargetGroupSpec.TargetSpec> targets = elb.targetAddressesOf(scope, g).stream()
        .map(t -> new TargetGroupSpec.TargetSpec(t.targetId(), t.ip(), t.port(), t.availabilityZone(), t.draining()))
        .toList();
    return new TargetGroupSpec(g.arn(), g.protocol(), g.port(), g.targetType().toString(), health,
        Boolean.parseBoolean(g.attributes().get("proxy_protocol_v2.enabled")),
        Integer.parseInt(g.attributes().getOrDefault("deregistration_delay.timeout_seconds", "300")), targets);
  }
}
