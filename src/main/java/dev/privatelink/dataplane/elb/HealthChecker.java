package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Checks one target from one node, over and over, and turns single results into a state with
 * AWS's thresholds: {@code healthyThreshold} successes in a row make it healthy,
 * {@code unhealthyThreshold} failures in a row make it unhealthy.
 */
final class HealthChecker {
  private final HealthProbe probe;
  private final EventLoop loop;
  private final String nodeIp;
  private final TargetKey target;
  private final HealthTiming timing;
  private final Consumer<TargetHealth> onChange;
  private volatile HealthCheckSpec check;
  private volatile boolean proxyProtocol;
  private volatile boolean stopped;
  private volatile TargetHealth state = TargetHealth.INITIAL;
  private int successes;
  private int failures;

  HealthChecker(HealthProbe probe, EventLoop loop, String nodeIp, TargetKey target, HealthTiming timing,
      HealthCheckSpec check, boolean proxyProtocol, Consumer<TargetHealth> onChange) {
    this.probe = probe;
    this.loop = loop;
    this.nodeIp = nodeIp;
    this.target = target;
    this.timing = timing;
    this.check = timing.effective(check);
    this.proxyProtocol = proxyProtocol;
    this.onChange = onChange;
  }

  void start() {
    loop.execute(this::runOnce);
  }

  void reconfigure(HealthCheckSpec spec, boolean pp) {
    this.check = timing.effective(spec);
    this.proxyProtocol = pp;
  }

  void stop() {
    stopped = true;
  }

  TargetHealth state() {
    return state;
  }

  private void runOnce() {
    if (stopped) {
      return;
    }
    HealthCheckSpec c = check;
    probe.run(loop, nodeIp, target, c, timing.timeoutMillis(c), proxyProtocol, result -> loop.execute(() -> {
      conclude(result, c);
      boolean settling = state.equals(TargetHealth.INITIAL) && result.healthy();
      loop.schedule(this::runOnce, timing.nextProbeMillis(c, settling), TimeUnit.MILLISECONDS);
    }));
  }

  private void conclude(TargetHealth result, HealthCheckSpec c) {
    if (stopped) {
      return;
    }
    TargetHealth next = state;
    if (result.healthy()) {
      failures = 0;
      if (++successes >= c.healthyThreshold()) {
        next = TargetHealth.HEALTHY;
      }
    } else {
      successes = 0;
      if (++failures >= c.unhealthyThreshold() || state.unhealthy()) {
        next = result;
      }
    }
    if (!next.equals(state)) {
      state = next;
      onChange.accept(next);
    }
  }
}
