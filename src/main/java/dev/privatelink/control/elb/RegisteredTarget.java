package dev.privatelink.control.elb;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * A target registered with a target group at one port, with the last health the data plane
 * reported (null until the first report) and, once deregistered, when draining began.
 *
 * @param availabilityZone the zone given at registration (ip targets outside the VPC: {@code all}), or null
 */
record RegisteredTarget(String id, int port, @Nullable String availabilityZone, @Nullable TargetHealthStateEnum state,
    @Nullable String reason, @Nullable String description, @Nullable Instant drainingSince) {
  boolean draining() {
    return drainingSince != null;
  }

  boolean sameTarget(String otherId, int otherPort) {
    return id.equals(otherId) && port == otherPort;
  }

  RegisteredTarget withHealth(TargetHealthStateEnum newState, @Nullable String newReason,
      @Nullable String newDescription) {
    return new RegisteredTarget(id, port, availabilityZone, newState, newReason, newDescription, drainingSince);
  }

  RegisteredTarget drainingFrom(Instant since) {
    return new RegisteredTarget(id, port, availabilityZone, state, reason, description, since);
  }
}
