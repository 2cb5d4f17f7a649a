package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.spec.HostState;
import java.lang.System.Logger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reconcile loop: after every change of the cloud, reads the host picture from the state and
 * has the data plane make the host match it; the data plane reports back what it achieved. Changes
 * that arrive during a reconcile are folded into the next one; a failed reconcile is retried. Resources with no host side of their
 * own (an endpoint service, a deleted endpoint once its listeners are gone) settle right after.
 */
final class DataPlaneSync implements HostSync {
  private static final Logger LOG = System.getLogger(DataPlaneSync.class.getName());
  private final Cloud cloud;
  private final DataPlane dataPlane;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().daemon().name("reconciler").unstarted(r));
  private final AtomicBoolean queued = new AtomicBoolean();

  DataPlaneSync(Cloud cloud, DataPlane dataPlane) {
    this.cloud = cloud;
    this.dataPlane = dataPlane;
  }

  @Override
  public void start() {
    cloud.onChange(v -> schedule());
    schedule();
  }

  private void schedule() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(this::reconcile);
    }
  }

  private void reconcile() {
    queued.set(false);
    try {
      HostState state = cloud.read(HostProjection::hostState);
      dataPlane.apply(state);
      for (String id : cloud.read(HostProjection::settledByHostSync)) {
        cloud.report(new ControlEvent.ResourceReady(id));
      }
    } catch (RuntimeException e) {
      LOG.log(Logger.Level.ERROR, "reconcile failed; retrying in 2 s", e);
      if (!worker.isShutdown()) {
        worker.schedule(this::schedule, 2, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dataPlane.close();
  }
}
