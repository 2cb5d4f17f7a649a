package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.dataplane.forward.PortForwards;
import dev.privatelink.util.concurrent.CoalescingRunner;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The reconcile loop: after every change of the cloud, reads the host picture from the state and
 * has the data plane make the host match it; the data plane reports back what it achieved. Changes
 * that arrive during a reconcile are folded into the next one; a failed reconcile is retried. Each
 * reconcile applies one {@link AppliedProjection}: the host picture names its state version, and
 * only the resources of that picture settle (those with no host side of their own, such as a
 * deleted endpoint once its listeners are gone, right after the apply); {@link #hostVersion} is
 * the version the host last reflected.
 */
final class DataPlaneSync implements HostSync {
  private final Cloud cloud;
  private final DataPlane dataPlane;
  private final @Nullable PortForwards forwards;
  private final LinkCounts links;
  private volatile long hostVersion = -1;
  // A reconcile is never interrupted half-way: the host would be left between two states.
  private final CoalescingRunner reconciler =
      new CoalescingRunner("reconciler", CoalescingRunner.OnClose.FINISH, Duration.ofSeconds(2), this::reconcile);

  DataPlaneSync(Cloud cloud, DataPlane dataPlane) {
    this(cloud, dataPlane, null);
  }

  /** @param forwards the port forwards into this data plane's namespaces, closed before it */
  DataPlaneSync(Cloud cloud, DataPlane dataPlane, @Nullable PortForwards forwards) {
    this(cloud, dataPlane, forwards, LinkCounts.NONE);
  }

  /** @param links what {@code dataPlane} carried over each link */
  DataPlaneSync(Cloud cloud, DataPlane dataPlane, @Nullable PortForwards forwards, LinkCounts links) {
    this.cloud = cloud;
    this.dataPlane = dataPlane;
    this.forwards = forwards;
    this.links = links;
  }

  @Override
  public LinkCounts linkCounts() {
    return links;
  }

  @Override
  public void start() {
    cloud.onChange(v -> reconciler.request());
    reconciler.request();
  }

  /** One reconcile: reads a picture, applies it, settles what it contained, records its version. */
  void reconcile() {
    AppliedProjection applied = AppliedProjection.read(cloud);
    dataPlane.apply(applied.state());
    applied.settle(cloud);
    hostVersion = applied.version();
  }

  @Override
  public long hostVersion() {
    return hostVersion;
  }

  @Override
  public java.util.Optional<PortForwards> forwards() {
    return java.util.Optional.ofNullable(forwards);
  }

  @Override
  public void close() {
    if (forwards != null) {
      forwards.close();
    }
    reconciler.close();
    dataPlane.close();
  }
}
