package dev.privatelink.control.ec2;

import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.ec2.instance.InstanceLifecycle;
import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * Moves EC2 resources on as the data plane reports: a VPC or subnet becomes {@code available}
 * once its host side exists; instances follow {@link InstanceLifecycle}; console output is kept
 * for GetConsoleOutput. Events carry no scope, so resources are found by id wherever they are.
 */
final class Ec2Events implements EventHandler {
  private final Ec2State state;
  private final InstanceLifecycle instances;

  Ec2Events(Ec2State state) {
    this.state = state;
    this.instances = new InstanceLifecycle(state);
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    return switch (event) {
      case ControlEvent.ResourceReady(String id) -> ready(id, now);
      case ControlEvent.ResourceFailed(String id, String reason) ->
          instances.find(id).map(e -> instances.failed(e.getKey(), e.getValue(), now)).orElse(false);
      case ControlEvent.ConsoleOutput(String id, String text) ->
          instances.find(id).map(e -> instances.console(e.getKey(), e.getValue(), text)).orElse(false);
      default -> false;
    };
  }

  private boolean ready(String id, Instant now) {
    if (id.startsWith("vpc-")) {
      return Ec2State.findAnywhere(state.vpcs(), v -> v.vpcId().equals(id) && v.state() == VpcState.PENDING)
          .map(e -> {
            state.vpcs().put(e.getKey(), id, e.getValue().withState(VpcState.AVAILABLE));
            return true;
          }).orElse(false);
    }
    if (id.startsWith("subnet-")) {
      return Ec2State.findAnywhere(state.subnets(), s -> s.subnetId().equals(id) && s.state() == SubnetState.PENDING)
          .map(e -> {
            state.subnets().put(e.getKey(), id, e.getValue().withState(SubnetState.AVAILABLE));
            return true;
          }).orElse(false);
    }
    if (id.startsWith("i-")) {
      return instances.find(id).map(e -> instances.ready(e.getKey(), e.getValue(), now)).orElse(false);
    }
    return false;
  }
}
