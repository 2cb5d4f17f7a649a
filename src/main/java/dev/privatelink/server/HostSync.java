package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.store.DataDir;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps something in step with the cloud's state after every change: the host (the data plane)
 * or, without one, the resources' own states (they settle at once).
 */
interface HostSync extends AutoCloseable {
  void start();

  /** Read-only JSON views this sync offers on the API port (e.g. the notification log). */
  default Map<String, Supplier<String>> views() {
    return Map.of();
  }

  @Override
  void close();

  static HostSync create(ServerOptions options, Cloud cloud, DataDir dir) {
    return new InstantSettler(cloud);
  }
}
