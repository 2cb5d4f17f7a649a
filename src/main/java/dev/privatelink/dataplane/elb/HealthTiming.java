package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;

/**
 * How fast health checks run. {@link #AWS} uses the target group's settings as given; {@link #FAST}
 * caps the interval at one second and the thresholds at two so that a local stack settles in
 * seconds rather than the minutes AWS takes.
 */
public enum HealthTiming {
  AWS,
  FAST;

  /** The check settings this timing actually runs with. */
  public HealthCheckSpec effective(HealthCheckSpec spec) {
    if (this == AWS) {
      return spec;
    }
    int interval = Math.min(spec.intervalSeconds(), 1);
    int timeout = Math.max(1, Math.min(spec.timeoutSeconds(), interval));
    return new HealthCheckSpec(
        spec.enabled(), spec.protocol(), spec.port(), spec.path(), interval, timeout,
        Math.min(spec.healthyThreshold(), 2), Math.min(spec.unhealthyThreshold(), 2), spec.matcher());
  }

  /** Milliseconds between two checks of one target; FAST runs sub-second probes so tests settle quickly. */
  long intervalMillis(HealthCheckSpec effective) {
    return this == FAST ? 500 : effective.intervalSeconds() * 1000L;
  }

  /**
   * Milliseconds until the next check. A new target that passed its first checks ({@code settling}:
   * still {@code initial}) is checked again at once under FAST, so that it turns healthy after its
   * threshold of passes in a row without waiting out intervals; AWS keeps its interval.
   */
  long nextProbeMillis(HealthCheckSpec effective, boolean settling) {
    return this == FAST && settling ? 0 : intervalMillis(effective);
  }

  /** Milliseconds a probe may take before it counts as {@code Target.Timeout}. */
  long timeoutMillis(HealthCheckSpec effective) {
    return this == FAST ? Math.min(1000L, effective.timeoutSeconds() * 1000L) : effective.timeoutSeconds() * 1000L;
  }
}
