package dev.privatelink.control.elb;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * A target group as stored, with AWS's health-check defaults already applied at creation.
 *
 * @param port null only for lambda target groups (not served)
 */
public record TargetGroupRecord(String arn, String name, String protocol, Integer port, String vpcId,
    TargetTypeEnum targetType, @Nullable String protocolVersion, HealthCheck healthCheck, Map<String, String> attributes) {
  public TargetGroupRecord {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Health-check settings.
   *
   * @param port {@code traffic-port} or a port number
   * @param path null for TCP checks
   * @param matcher HTTP codes; null for TCP checks
   */
  public record HealthCheck(boolean enabled, String protocol, String port, @Nullable String path, int intervalSeconds,
      int timeoutSeconds, int healthyThreshold, int unhealthyThreshold, @Nullable String matcher) {
    /** AWS's word for "the port each target receives traffic on". */
    public static final String TRAFFIC_PORT = "traffic-port";

    /** True when the check goes to each target's traffic port rather than a fixed one. */
    public boolean isTrafficPort() {
      return TRAFFIC_PORT.equals(port);
    }
  }

  /** True for the protocols an application load balancer speaks. */
  boolean isApplicationProtocol() {
    return ElbProtocols.isApplication(protocol);
  }

  TargetGroupRecord withHealthCheck(HealthCheck hc) {
    return new TargetGroupRecord(arn, name, protocol, port, vpcId, targetType, protocolVersion, hc, attributes);
  }

  TargetGroupRecord withAttributes(Map<String, String> newAttributes) {
    return new TargetGroupRecord(arn, name, protocol, port, vpcId, targetType, protocolVersion, healthCheck,
        newAttributes);
  }
}
