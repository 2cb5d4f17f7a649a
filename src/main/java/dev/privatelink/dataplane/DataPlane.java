package dev.privatelink.dataplane;

import dev.privatelink.dataplane.spec.HostState;

/**
 * Makes the host carry a {@link HostState}. {@link #apply} is idempotent: applying the same state
 * twice changes nothing, and applying any state after a crash converges on it.
 */
public interface DataPlane extends AutoCloseable {
  /** Reconciles the host to this state; returns once every change has been made or has failed. */
  void apply(HostState state);

  /** Removes every host object this data plane made. */
  @Override
  void close();
}
