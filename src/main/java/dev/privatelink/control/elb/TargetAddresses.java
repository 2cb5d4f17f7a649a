package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** Resolves a registered target to the addresses traffic goes to, by the group's target type. */
final class TargetAddresses {
  private TargetAddresses() {}

  static List<TargetAddress> resolve(ElbState state, Network network, Scope scope, TargetGroupRecord g,
      RegisteredTarget t) {
    return switch (g.targetType()) {
      case INSTANCE -> instance(network, scope, t);
      case ALB -> state.loadBalancers.find(scope, t.id()).map(alb -> alb.nodes().stream()
          .map(n -> new TargetAddress(t.id(), n.privateIp(), t.port(), n.zoneName(), t.draining())).toList())
          .orElse(List.of());
      case IP -> List.of(new TargetAddress(t.id(), t.id(), t.port(), t.availabilityZone(), t.draining()));
      case LAMBDA, UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("target type " + g.targetType());
    };
  }

  private static List<TargetAddress> instance(Network network, Scope scope, RegisteredTarget t) {
    try {
      Network.InstanceInfo i = network.instance(scope, t.id());
      if (i.state() != InstanceStateName.PENDING && i.state() != InstanceStateName.RUNNING) {
        return List.of(); // a stopped instance is an unused target: no traffic, no health checks
      }
      return List.of(new TargetAddress(t.id(), i.privateIp(), t.port(), i.availabilityZone(), t.draining()));
    } catch (AwsException e) {
      return List.of(); // a terminated instance has no address left to send to
    }
  }
}
