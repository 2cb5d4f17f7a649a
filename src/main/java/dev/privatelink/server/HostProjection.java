package dev.privatelink.server;

import dev.privatelink.control.Features;
import java.util.List;

/** Reads the data plane's picture of the host out of the control plane's state. */
final class HostProjection {
  private HostProjection() {}

  /** Ids of resources in a transitional state that the host side would settle. */
  static List<String> pendingResources(Features features) {
    return List.of();
  }
}
