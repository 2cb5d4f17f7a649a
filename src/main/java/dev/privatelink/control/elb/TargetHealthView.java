package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * A target's health as AWS would state it now: draining after deregistration, unused while no
 * load balancer uses the group or the instance is not running, unavailable with health checks
 * off, else what the data plane last reported, or initial until it reports.
 */
final class TargetHealthView {
  private final ElbState state;
  private final Network network;

  TargetHealthView(ElbState state, Network network) {
    this.state = state;
    this.network = network;
  }

  TargetHealthDescription describe(Scope scope, TargetGroupRecord group, RegisteredTarget target) {
    return TargetHealthDescription.builder().target(target(target.id(), target.port(), target.availabilityZone()))
        .healthCheckPort(healthCheckPort(group, target.port())).targetHealth(health(scope, group, target)).build();
  }

  TargetHealthDescription notRegistered(TargetGroupRecord group, String id, int port) {
    return TargetHealthDescription.builder().target(target(id, port, null))
        .healthCheckPort(healthCheckPort(group, port))
        .targetHealth(health(TargetHealthStateEnum.UNUSED, "Target.NotRegistered", "Target is not registered to the target group"))
        .build();
  }

  private TargetHealth health(Scope scope, TargetGroupRecord group, RegisteredTarget target) {
    if (target.draining()) {
      return health(TargetHealthStateEnum.DRAINING, "Target.DeregistrationInProgress", "Target deregistration is in progress");
    }
    if (!state.inUse(scope, group.arn())) {
      return health(TargetHealthStateEnum.UNUSED, "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
    }
    InstanceStateName instanceState = instanceState(scope, group, target);
    if (instanceState != null && instanceState != InstanceStateName.RUNNING) {
      return health(TargetHealthStateEnum.UNUSED, "Target.InvalidState", "Target is in the " + instanceState + " state");
    }
    if (!group.healthCheck().enabled()) {
      return health(TargetHealthStateEnum.UNAVAILABLE, "Target.HealthCheckDisabled", "Health checks are disabled");
    }
    if (target.state() == null) {
      return health(TargetHealthStateEnum.INITIAL, "Elb.RegistrationInProgress", "Target registration is in progress");
    }
    return health(target.state(), target.reason(), target.description());
  }

  private @Nullable InstanceStateName instanceState(Scope scope, TargetGroupRecord group, RegisteredTarget target) {
    if (group.targetType() != TargetTypeEnum.INSTANCE) {
      return null;
    }
    try {
      return network.instance(scope, target.id()).state();
    } catch (AwsException e) {
      return InstanceStateName.TERMINATED;
    }
  }

  private static TargetHealth health(TargetHealthStateEnum state, @Nullable String reason, @Nullable String description) {
    return TargetHealth.builder().state(state).reason(reason).description(description).build();
  }

  private static TargetDescription target(String id, int port, @Nullable String zone) {
    return TargetDescription.builder().id(id).port(port).availabilityZone(zone).build();
  }

  static String healthCheckPort(TargetGroupRecord group, int targetPort) {
    String port = group.healthCheck().port();
    return group.healthCheck().isTrafficPort() ? String.valueOf(targetPort) : port;
  }
}
