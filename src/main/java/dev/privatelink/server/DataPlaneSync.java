package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.util.concurrent.CoalescingRunner;
import java.time.Duration;

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
  private volatile long hostVersion = -1;
  // A reconcile is never interrupted half-way: the host would be left between two states.
  private final CoalescingRunner reconciler =
      new CoalescingRunner("reconciler", CoalescingRunner.OnClose.FINISH, Duration.ofSeconds(2), this::reconcile);

  DataPlaneSync(Cloud cloud, DataPlane dataPlane) {
    this.cloud = cloud;
    this.dataPlane = dataPlane;
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
  public void close() {
    reconciler.close();
    dataPlane.close();
  }
}
