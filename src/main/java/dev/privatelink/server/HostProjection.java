package dev.privatelink.server;

import dev.privatelink.control.Features;
import dev.privatelink.dataplane.spec.HostState;
import java.util.List;

/** Reads the data plane's picture of the host out of the control plane's state. */
final class HostProjection {
  private HostProjection() {}

  static HostState hostState(Features features) {
    return HostState.empty();
  }

  /** Ids of resources in a transitional state that the host side would settle (all of them, without a data plane). */
  static List<String> pendingResources(Features features) {
    return List.of();
  }

  /** Ids the reconcile loop settles itself after each apply (no host side, or a host side now gone). */
  static List<String> settledByHostSync(Features features) {
    return List.of();
  }
}
