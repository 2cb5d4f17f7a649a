package dev.privatelink.control.elb;

import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Applies the data plane's reports about targets: a health check's verdict
 * ({@link ControlEvent.TargetHealthChanged}), and {@link ControlEvent.Tick} on a target group ARN,
 * which removes the targets whose deregistration delay has passed. A report of state
 * {@code unused} for a draining target also removes it (the data plane saw its last flow end).
 */
final class TargetEvents {
  private final ElbState state;

  TargetEvents(ElbState state) {
    this.state = state;
  }

  boolean healthChanged(ControlEvent.TargetHealthChanged e) {
    Scope scope = ElbState.scopeOf(e.targetGroupArn()).orElse(null);
    if (scope == null || state.targetGroups.find(scope, e.targetGroupArn()).isEmpty()) {
      return false;
    }
    List<RegisteredTarget> current = new ArrayList<>(state.targetsOf(scope, e.targetGroupArn()));
    var match = current.stream().filter(r -> r.sameTarget(e.targetId(), e.port())).findFirst();
    if (match.isEmpty()) {
      return false;
    }
    RegisteredTarget old = match.get();
    TargetHealthStateEnum reported = TargetHealthStateEnum.fromValue(e.state());
    if (reported == null || reported == TargetHealthStateEnum.UNKNOWN_TO_SDK_VERSION) {
      throw new IllegalStateException("the data plane reported target health '" + e.state() + "'");
    }
    if (old.draining() && reported == TargetHealthStateEnum.UNUSED) {
      current.remove(old);
    } else {
      RegisteredTarget updated = old.withHealth(reported, e.reason(), e.description());
      if (updated.equals(old)) {
        return false;
      }
      current.set(current.indexOf(old), updated);
    }
    state.targets.put(scope, e.targetGroupArn(), List.copyOf(current));
    return true;
  }

  boolean tick(String targetGroupArn, Instant now) {
    Scope scope = ElbState.scopeOf(targetGroupArn).orElse(null);
    if (scope == null) {
      return false;
    }
    var group = state.targetGroups.find(scope, targetGroupArn);
    if (group.isEmpty()) {
      return false;
    }
    List<RegisteredTarget> current = state.targetsOf(scope, targetGroupArn);
    List<RegisteredTarget> kept = current.stream().filter(r -> !drained(group.get(), r, now)).toList();
    if (kept.size() == current.size()) {
      return false;
    }
    state.targets.put(scope, targetGroupArn, kept);
    return true;
  }

  static boolean drained(TargetGroupRecord group, RegisteredTarget target, Instant now) {
    return target.draining() && !now.isBefore(drainDeadline(group, target));
  }

  static Instant drainDeadline(TargetGroupRecord group, RegisteredTarget target) {
    long delay = Long.parseLong(group.attributes().getOrDefault("deregistration_delay.timeout_seconds", "300"));
    return target.drainingSince().plusSeconds(delay);
  }
}
