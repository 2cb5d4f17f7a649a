package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.util.concurrent.CoalescingRunner;
import java.time.Duration;

/**
 * Without a data plane, moves every resource in a transitional state to where the host would have
 * taken it (pending → available, provisioning → active …) right after each change.
 */
final class InstantSettler implements HostSync {
  private final Cloud cloud;
  private final CoalescingRunner settler =
      new CoalescingRunner("settler", CoalescingRunner.OnClose.INTERRUPT, Duration.ZERO, this::settle);

  InstantSettler(Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void start() {
    cloud.onChange(v -> settler.request());
    settler.request();
  }

  private void settle() {
    for (String id : cloud.read(HostProjection::pendingResources)) {
      cloud.report(new ControlEvent.ResourceReady(id));
    }
  }

  @Override
  public void close() {
    settler.close();
  }
}
