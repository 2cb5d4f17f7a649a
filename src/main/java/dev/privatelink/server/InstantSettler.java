package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Without a data plane, moves every resource in a transitional state to where the host would have
 * taken it (pending → available, provisioning → active …) right after each change.
 */
final class InstantSettler implements HostSync {
  private final Cloud cloud;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("settler").unstarted(r));
  private final AtomicBoolean queued = new AtomicBoolean();

  InstantSettler(Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void start() {
    cloud.onChange(v -> schedule());
    schedule();
  }

  private void schedule() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        for (String id : cloud.read(HostProjection::pendingResources)) {
          cloud.report(new ControlEvent.ResourceReady(id));
        }
      });
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
