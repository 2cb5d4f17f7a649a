package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import org.junit.jupiter.api.Test;

/** When the next health check of a target runs: at once while a new target settles under FAST, else after the interval. */
class HealthTimingTest {
  private static final HealthCheckSpec AWS_DEFAULT = new HealthCheckSpec(true, "HTTP", 80, "/", 30, 5, 5, 2, "200");

  @Test
  void fastChecksASettlingTargetAgainAtOnceAndOtherwiseEveryHalfSecond() {
    HealthCheckSpec fast = HealthTiming.FAST.effective(AWS_DEFAULT);
    assertEquals(0, HealthTiming.FAST.nextProbeMillis(fast, true));
    assertEquals(500, HealthTiming.FAST.nextProbeMillis(fast, false));
  }

  @Test
  void awsKeepsTheTargetGroupsIntervalEvenWhileATargetSettles() {
    assertEquals(30_000, HealthTiming.AWS.nextProbeMillis(AWS_DEFAULT, true));
    assertEquals(30_000, HealthTiming.AWS.nextProbeMillis(AWS_DEFAULT, false));
  }
}
