package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.util.concurrent.CoalescingRunner;
import java.time.Duration;

/**
 * The reconcile loop: after every change of the cloud, reads the host picture from the state and
 * has the data plane make the host match it; the data plane reports back what it achieved. Changes
 * that arrive during a reconcile are folded into the next one; a failed reconcile is retried. Resources with no host side of their
 * own (an endpoint service, a deleted endpoint once its listeners are gone) settle right after.
 */
final class DataPlaneSync implements HostSync {
  private final Cloud cloud;
  private final DataPlane dataPlane;
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

  private void reconcile() {
    HostState state = cloud.read(HostProjection::hostState);
    dataPlane.apply(state);
    for (String id : cloud.read(HostProjection::settledByHostSync)) {
      cloud.report(new ControlEvent.ResourceReady(id));
    }
  }

  @Override
  public void close() {
    reconciler.close();
    dataPlane.close();
  }
}
