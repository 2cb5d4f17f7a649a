package dev.privatelink.control.elb;

import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The attributes of a target group, which depend on whether an ALB (HTTP/HTTPS) or an NLB
 * (TCP/TLS/UDP/TCP_UDP) uses it, with the defaults AWS lists.
 */
final class TargetGroupAttributes {
  private TargetGroupAttributes() {}

  /**
   * What a UDP or TCP_UDP group refuses, as AWS does: Proxy Protocol v2 (UDP has no stream to put a
   * header in front of) and turning client IP preservation off (always on for those protocols).
   */
  static void checkForProtocol(TargetGroupRecord group, Map<String, String> changes) {
    if (!ElbProtocols.carriesUdp(group.protocol())) {
      return;
    }
    if ("true".equals(changes.get("proxy_protocol_v2.enabled"))) {
      throw ElbErrors.invalidConfiguration("Proxy protocol v2 is not supported for target groups with the '"
          + group.protocol() + "' protocol");
    }
    if ("false".equals(changes.get("preserve_client_ip.enabled"))) {
      throw ElbErrors.invalidConfiguration("Client IP preservation cannot be disabled for target groups with the '"
          + group.protocol() + "' protocol");
    }
  }

  static AttributeRules rules(TargetGroupRecord group) {
    return rules(group.protocol(), group.targetType());
  }

  static AttributeRules rules(String protocol, TargetTypeEnum targetType) {
    boolean alb = ElbProtocols.isApplication(protocol);
    AttributeRules rules = new AttributeRules("Target group")
        .range("deregistration_delay.timeout_seconds", 300, 0, 3600)
        .bool("stickiness.enabled", false);
    if (alb) {
      return rules.oneOf("stickiness.type", "lb_cookie", "lb_cookie", "app_cookie")
          .range("stickiness.lb_cookie.duration_seconds", 86400, 1, 604800)
          .text("stickiness.app_cookie.cookie_name", "")
          .range("stickiness.app_cookie.duration_seconds", 86400, 1, 604800)
          .oneOf("load_balancing.algorithm.type", "round_robin", "round_robin", "least_outstanding_requests",
              "weighted_random")
          .oneOf("load_balancing.algorithm.anomaly_mitigation", "off", "off", "on")
          .range("slow_start.duration_seconds", 0, 0, 900)
          .oneOf("load_balancing.cross_zone.enabled", "use_load_balancer_configuration", "true", "false",
              "use_load_balancer_configuration")
          .text("target_group_health.dns_failover.minimum_healthy_targets.count", "1")
          .text("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off")
          .text("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1")
          .text("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
    }
    ProtocolEnum p = ProtocolEnum.fromValue(protocol);
    boolean preserveClientIp = targetType != TargetTypeEnum.IP || p == ProtocolEnum.UDP || p == ProtocolEnum.TCP_UDP;
    return rules.oneOf("stickiness.type", "source_ip", "source_ip")
        .bool("proxy_protocol_v2.enabled", false)
        .bool("preserve_client_ip.enabled", preserveClientIp)
        .bool("deregistration_delay.connection_termination.enabled", false)
        .bool("connection_termination.enabled", false)
        .oneOf("load_balancing.cross_zone.enabled", "use_load_balancer_configuration", "true", "false",
            "use_load_balancer_configuration")
        .bool("target_health_state.unhealthy.connection_termination.enabled", true)
        .range("target_health_state.unhealthy.draining_interval_seconds", 0, 0, 360000)
        .text("target_group_health.dns_failover.minimum_healthy_targets.count", "1")
        .text("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off")
        .text("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1")
        .text("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
  }
}
