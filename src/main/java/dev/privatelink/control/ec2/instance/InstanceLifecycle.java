package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * An instance's state machine as the data plane drives it: pending → running, shutting-down →
 * terminated (its interface and root volume go), stopping → stopped (its public address goes).
 * A launch the host could not make ends terminated with {@code Server.InternalError}.
 */
public final class InstanceLifecycle {
  private final Ec2State state;

  public InstanceLifecycle(Ec2State state) {
    this.state = state;
  }

  public Optional<Map.Entry<Scope, InstanceRecord>> find(String instanceId) {
    return Ec2State.findAnywhere(state.instances(), i -> i.instanceId().equals(instanceId));
  }

  /** The host side is done with the instance's current transition; true if that changed its state. */
  public boolean ready(Scope scope, InstanceRecord i, Instant now) {
    return switch (i.state()) {
      case PENDING -> put(scope, i.withState(InstanceStateName.RUNNING, "", null));
      case SHUTTING_DOWN -> terminated(scope, i, now);
      case STOPPING -> {
        releasePublicIp(scope, i);
        yield put(scope, i.withState(InstanceStateName.STOPPED, i.stateTransitionReason(), i.stateReasonCode())
            .withPublicIp(null));
      }
      // Settled states: a late report from the host changes nothing.
      case RUNNING, STOPPED, TERMINATED -> false;
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("instance state " + i.state());
    };
  }

  public boolean failed(Scope scope, InstanceRecord i, Instant now) {
    if (i.state() != InstanceStateName.PENDING) {
      return false;
    }
    return terminated(scope, i.withState(InstanceStateName.PENDING, "", "Server.InternalError"), now);
  }

  public boolean console(Scope scope, InstanceRecord i, String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    return put(scope, i.withConsoleAppended(text));
  }

  /** Ends an instance: its interface and its root volume are deleted with it; it stays visible for an hour. */
  boolean terminated(Scope scope, InstanceRecord i, Instant now) {
    String eniId = i.launch().networkInterfaceId();
    if (state.networkInterfaces().remove(scope, eniId) != null) {
      state.tags().drop(scope, eniId);
    }
    state.tags().drop(scope, i.launch().rootVolumeId());
    return put(scope, i.withState(InstanceStateName.TERMINATED, i.stateTransitionReason(), i.stateReasonCode()).withPublicIp(null)
        .withTerminatedAt(now));
  }

  void releasePublicIp(Scope scope, InstanceRecord i) {
    state.networkInterfaces().find(scope, i.launch().networkInterfaceId())
        .ifPresent(e -> state.networkInterfaces().put(scope, e.networkInterfaceId(), e.withPublicIp(null)));
  }

  private boolean put(Scope scope, InstanceRecord changed) {
    state.instances().put(scope, changed.instanceId(), changed);
    return true;
  }
}
