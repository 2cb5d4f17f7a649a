package dev.privatelink.dataplane.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A target group as the nodes see it. Targets are already resolved to addresses: an instance to
 * its private IP, an {@code alb} target to one entry per ALB node (same target id, one per AZ).
 *
 * @param protocol {@code TCP}, {@code TLS}, {@code UDP}, {@code HTTP} or {@code HTTPS}
 * @param targetType {@code instance}, {@code ip} or {@code alb}
 */
public record TargetGroupSpec(
    String arn,
    String protocol,
    int port,
    String targetType,
    HealthCheckSpec healthCheck,
    boolean proxyProtocolV2,
    int deregistrationDelaySeconds,
    List<TargetSpec> targets) {
  public TargetGroupSpec {
    targets = List.copyOf(targets);
  }

  /**
   * A registered target at one address.
   *
   * @param draining true once deregistered, until the deregistration delay has passed
   */
  public record TargetSpec(String targetId, String ip, int port, @Nullable String availabilityZone, boolean draining) {}

  /**
   * Health-check settings with AWS's defaults already applied.
   *
   * @param port the port to check, or -1 for the traffic port
   * @param matcher HTTP codes, e.g. {@code 200} or {@code 200-399} or {@code 200,302}
   */
  public record HealthCheckSpec(
      boolean enabled,
      String protocol,
      int port,
      @Nullable String path,
      int intervalSeconds,
      int timeoutSeconds,
      int healthyThreshold,
      int unhealthyThreshold,
      @Nullable String matcher) {}
}
