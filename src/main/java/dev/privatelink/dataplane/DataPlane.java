package dev.privatelink.dataplane;

import dev.privatelink.dataplane.spec.HostState;

/**
 * Makes the host carry a {@link HostState}. {@link #apply} is idempotent: applying the same state
 * twice changes nothing, and applying any state after a crash converges on it.
 */
public interface DataPlane extends AutoCloseable {
  /** Reconciles the host to this state; returns once every change has been made or has failed. */
  void apply(HostState state);

  /**
   * The host objects this data plane made that are gone although no state removed them (a
   * namespace deleted by hand, or by another program); empty when the host still has everything.
   * Cheap enough to ask every few seconds: the next {@link #apply} makes them again.
   */
  default java.util.Set<String> vanished() {
    return java.util.Set.of();
  }

  /** Removes every host object this data plane made. */
  @Override
  void close();
}
