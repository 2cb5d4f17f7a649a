package dev.privatelink.control.elb;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A target group as stored, with AWS's health-check defaults already applied at creation.
 *
 * @param port null only for lambda target groups (not served)
 */
record TargetGroupRecord(String arn, String name, String protocol, Integer port, String vpcId, String targetType,
    @Nullable String protocolVersion, HealthCheck healthCheck, Map<String, String> attributes) {
  TargetGroupRecord {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Health-check settings.
   *
   * @param port {@code traffic-port} or a port number
   * @param path null for TCP checks
   * @param matcher HTTP codes; null for TCP checks
   */
  record HealthCheck(boolean enabled, String protocol, String port, @Nullable String path, int intervalSeconds,
      int timeoutSeconds, int healthyThreshold, int unhealthyThreshold, @Nullable String matcher) {}

  /** True for the protocols an application load balancer speaks. */
  boolean isApplicationProtocol() {
    return "HTTP".equals(protocol) || "HTTPS".equals(protocol);
  }

  TargetGroupRecord withHealthCheck(HealthCheck hc) {
    return new TargetGroupRecord(arn, name, protocol, port, vpcId, targetType, protocolVersion, hc, attributes);
  }

  TargetGroupRecord withAttributes(Map<String, String> newAttributes) {
    return new TargetGroupRecord(arn, name, protocol, port, vpcId, targetType, protocolVersion, healthCheck,
        newAttributes);
  }
}
