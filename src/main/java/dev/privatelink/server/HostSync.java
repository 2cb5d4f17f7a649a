package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.dataplane.LocalDataPlane;
import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.forward.PortForwards;
import dev.privatelink.dataplane.netns.HostCheck;
import dev.privatelink.store.DataDir;

/**
 * Keeps something in step with the cloud's state after every change: the host (the data plane)
 * or, without one, the resources' own states (they settle at once).
 */
interface HostSync extends AutoCloseable {
  void start();

  /** The state version the host (or the settled states) last reflected; -1 before the first. */
  long hostVersion();

  /** The port forwards into the cloud's namespaces; empty without a data plane (nothing to reach). */
  default java.util.Optional<PortForwards> forwards() {
    return java.util.Optional.empty();
  }

  /** What the data plane carried over each link; nothing without one. */
  default LinkCounts linkCounts() {
    return LinkCounts.NONE;
  }

  @Override
  void close();

  /**
   * The data plane when asked for and possible here, built in the background; refuses, saying what
   * is missing and how to get it, when the host cannot run one (not Linux, not root, tools missing).
   */
  static HostSync create(ServerOptions options, Cloud cloud, DataDir dir) {
    if (!options.dataPlane()) {
      return new InstantSettler(cloud);
    }
    HostCheck.Result check = HostCheck.check();
    if (!check.ok()) {
      throw new IllegalStateException("this host cannot run the data plane:\n  - " + String.join("\n  - ", check.problems().stream().map(Object::toString).toList())
          + "\nRun with --no-dataplane to serve the control plane alone.");
    }
    return new BackgroundHostSync(() -> {
      LocalDataPlane.Built built = LocalDataPlane.build(dir.root(), new CloudStatusSink(cloud), options.healthTiming(),
          options.flowLogTiming());
      FabricDataPlane dataPlane = built.fabric();
      return new DataPlaneSync(cloud, dataPlane, new PortForwards(dataPlane.namespaces()), built.links());
    });
  }
}
