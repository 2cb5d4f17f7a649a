package dev.privatelink.control.elb;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * Health-check settings as a Create or Modify call gives them (null = not given), resolved
 * against AWS's defaults: ALB groups check HTTP(S) {@code /} every 30 s with a 5 s timeout,
 * thresholds 5/2 and matcher 200; NLB groups check TCP every 30 s with a 10 s timeout (6 s for
 * HTTP), thresholds 5/2 and matcher 200-399 for HTTP(S) checks.
 */
record HealthCheckSettings(@Nullable Boolean enabled, @Nullable String protocol, @Nullable String port, @Nullable String path,
    @Nullable Integer interval, @Nullable Integer timeout, @Nullable Integer healthy, @Nullable Integer unhealthy, @Nullable String matcher) {

  /** The settings for a new group of {@code protocol} and {@code targetType}. */
  TargetGroupRecord.HealthCheck resolve(String groupProtocol, TargetTypeEnum targetType) {
    boolean alb = ElbProtocols.isApplication(groupProtocol);
    String hcProtocol = protocol != null ? protocol : alb ? groupProtocol : targetType == TargetTypeEnum.ALB ? "HTTP" : "TCP";
    return apply(null, alb, targetType, hcProtocol);
  }

  /** The settings after a ModifyTargetGroup call on {@code group}. */
  TargetGroupRecord.HealthCheck modify(TargetGroupRecord group) {
    String hcProtocol = protocol != null ? protocol : group.healthCheck().protocol();
    return apply(group.healthCheck(), group.isApplicationProtocol(), group.targetType(), hcProtocol);
  }

  private TargetGroupRecord.HealthCheck apply(TargetGroupRecord.@Nullable HealthCheck old, boolean alb,
      TargetTypeEnum targetType,
      String hcProtocol) {
    checkProtocol(alb, targetType, hcProtocol);
    boolean http = ProtocolEnum.fromValue(hcProtocol) != ProtocolEnum.TCP;
    if (!http && (path != null || matcher != null)) {
      throw ElbErrors.invalidConfiguration("Health check path and matcher cannot be set with TCP health check protocol");
    }
    boolean protocolChanged = old != null && !old.protocol().equals(hcProtocol);
    int defaultTimeout = alb ? 5 : ProtocolEnum.fromValue(hcProtocol) == ProtocolEnum.HTTP ? 6 : 10;
    String defaultMatcher = alb ? "200" : "200-399";
    int newInterval = pick(interval, old == null ? null : old.intervalSeconds(), 30);
    int newTimeout = pick(timeout, old == null || protocolChanged ? null : old.timeoutSeconds(), defaultTimeout);
    String newPath = !http ? null : path != null ? path : old != null && old.path() != null ? old.path() : "/";
    String newMatcher = !http ? null : matcher != null ? matcher : old != null && old.matcher() != null ? old.matcher() : defaultMatcher;
    var hc = new TargetGroupRecord.HealthCheck(enabled != null ? enabled : old == null || old.enabled(), hcProtocol,
        port != null ? port : old != null ? old.port() : "traffic-port", newPath, newInterval, newTimeout,
        pick(healthy, old == null ? null : old.healthyThreshold(), 5),
        pick(unhealthy, old == null ? null : old.unhealthyThreshold(), 2), newMatcher);
    check(hc);
    return hc;
  }

  private static void checkProtocol(boolean alb, TargetTypeEnum targetType, String hcProtocol) {
    List<String> allowed = alb || targetType == TargetTypeEnum.ALB ? List.of("HTTP", "HTTPS") : List.of("TCP", "HTTP", "HTTPS");
    if (!allowed.contains(hcProtocol)) {
      throw ElbErrors.validation("Health check protocol '" + hcProtocol + "' must be one of '"
          + String.join(", ", allowed) + "'");
    }
  }

  private static int pick(@Nullable Integer given, @Nullable Integer old, int fallback) {
    return given != null ? given : old != null ? old : fallback;
  }

  private static void check(TargetGroupRecord.HealthCheck hc) {
    range("Health check interval", hc.intervalSeconds(), 5, 300);
    range("Health check timeout", hc.timeoutSeconds(), 2, 120);
    range("Healthy threshold", hc.healthyThreshold(), 2, 10);
    range("Unhealthy threshold", hc.unhealthyThreshold(), 2, 10);
    if (hc.timeoutSeconds() >= hc.intervalSeconds()) {
      throw ElbErrors.validation("Health check timeout '" + hc.timeoutSeconds()
          + "' must be smaller than the interval '" + hc.intervalSeconds() + "'");
    }
    if (!hc.isTrafficPort()) {
      try {
        range("Health check port", Integer.parseInt(hc.port()), 1, 65535);
      } catch (NumberFormatException e) {
        throw ElbErrors.validation("Health check port '" + hc.port() + "' must be 'traffic-port' or a port number");
      }
    }
    if (hc.path() != null && (!hc.path().startsWith("/") || hc.path().length() > 1024)) {
      throw ElbErrors.validation("Health check path must begin with a '/' character and be at most 1024 characters");
    }
    if (hc.matcher() != null && !hc.matcher().matches("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*")) {
      throw ElbErrors.validation("Invalid HTTP code '" + hc.matcher() + "'");
    }
  }

  private static void range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw ElbErrors.validation(what + " must be between " + min + " and " + max);
    }
  }
}
