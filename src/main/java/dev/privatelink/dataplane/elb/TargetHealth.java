package dev.privatelink.dataplane.elb;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** A health conclusion in AWS's vocabulary (DescribeTargetHealth state, reason code, description). */
record TargetHealth(TargetHealthStateEnum state, @Nullable String reason, @Nullable String description) {
  static final TargetHealth INITIAL = new TargetHealth(TargetHealthStateEnum.INITIAL, "Elb.InitialHealthChecking", "Initial health checks in progress");
  static final TargetHealth HEALTHY = new TargetHealth(TargetHealthStateEnum.HEALTHY, null, null);
  static final TargetHealth DRAINING = new TargetHealth(TargetHealthStateEnum.DRAINING, "Target.DeregistrationInProgress", "Target deregistration is in progress");
  static final TargetHealth UNUSED = new TargetHealth(TargetHealthStateEnum.UNUSED, "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
  static final TargetHealth DISABLED = new TargetHealth(TargetHealthStateEnum.UNAVAILABLE, "Target.HealthCheckDisabled", "Health checks are disabled");

  static TargetHealth failed() {
    return new TargetHealth(TargetHealthStateEnum.UNHEALTHY, "Target.FailedHealthChecks", "Health checks failed");
  }

  static TargetHealth timeout() {
    return new TargetHealth(TargetHealthStateEnum.UNHEALTHY, "Target.Timeout", "Request timed out");
  }

  static TargetHealth codeMismatch(int code) {
    return new TargetHealth(TargetHealthStateEnum.UNHEALTHY, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + code + "]");
  }

  boolean healthy() {
    return state == TargetHealthStateEnum.HEALTHY;
  }

  boolean unhealthy() {
    return state == TargetHealthStateEnum.UNHEALTHY;
  }
}
