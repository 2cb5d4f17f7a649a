package dev.privatelink.dataplane.elb;

import org.jspecify.annotations.Nullable;

/** A health conclusion in AWS's vocabulary (DescribeTargetHealth state, reason code, description). */
record TargetHealth(String state, @Nullable String reason, @Nullable String description) {
  static final TargetHealth INITIAL = new TargetHealth("initial", "Elb.InitialHealthChecking", "Initial health checks in progress");
  static final TargetHealth HEALTHY = new TargetHealth("healthy", null, null);
  static final TargetHealth DRAINING = new TargetHealth("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
  static final TargetHealth UNUSED = new TargetHealth("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
  static final TargetHealth DISABLED = new TargetHealth("unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");

  static TargetHealth failed() {
    return new TargetHealth("unhealthy", "Target.FailedHealthChecks", "Health checks failed");
  }

  static TargetHealth timeout() {
    return new TargetHealth("unhealthy", "Target.Timeout", "Request timed out");
  }

  static TargetHealth codeMismatch(int code) {
    return new TargetHealth("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + code + "]");
  }

  boolean healthy() {
    return state.equals("healthy");
  }

  boolean unhealthy() {
    return state.equals("unhealthy");
  }
}
