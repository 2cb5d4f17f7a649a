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
  private volatile long settledVersion = -1;
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
    record Pending(long version, java.util.List<String> ids) {}
    Pending pending = cloud.read(f -> new Pending(cloud.version(), HostProjection.pendingResources(f)));
    for (String id : pending.ids()) {
      cloud.report(new ControlEvent.ResourceReady(id));
    }
    settledVersion = pending.version();
  }

  @Override
  public long hostVersion() {
    return settledVersion;
  }

  @Override
  public void close() {
    settler.close();
  }
}
