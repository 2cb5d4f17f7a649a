package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.dataplane.forward.PortForwards;
import dev.privatelink.util.concurrent.CoalescingRunner;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The reconcile loop: after every change of the cloud, reads the host picture from the state and
 * has the data plane make the host match it; the data plane reports back what it achieved. Changes
 * that arrive during a reconcile are folded into the next one; a failed reconcile is retried. Each
 * reconcile applies one {@link AppliedProjection}: the host picture names its state version, and
 * only the resources of that picture settle (those with no host side of their own, such as a
 * deleted endpoint once its listeners are gone, right after the apply); {@link #hostVersion} is
 * the version the host last reflected. Every {@link #DRIFT_CHECK} it also asks the data plane
 * whether anything it made has vanished from the host, and reconciles if so.
 */
final class DataPlaneSync implements HostSync {
  private static final System.Logger LOG = System.getLogger(DataPlaneSync.class.getName());
  /** How often the host is checked for what vanished from it between changes. */
  static final Duration DRIFT_CHECK = Duration.ofSeconds(2);
  private final Cloud cloud;
  private final DataPlane dataPlane;
  private final @Nullable PortForwards forwards;
  private final LinkCounts links;
  private volatile long hostVersion = -1;
  // A reconcile is never interrupted half-way: the host would be left between two states.
  private final CoalescingRunner reconciler =
      new CoalescingRunner("reconciler", CoalescingRunner.OnClose.FINISH, Duration.ofSeconds(2), this::reconcile);

  // What the last drift check found gone, so each loss is logged once rather than every check.
  private volatile java.util.Set<String> lastVanished = java.util.Set.of();
  private final ScheduledExecutorService driftCheck = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("pl-drift-check").daemon().unstarted(r));

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
    driftCheck.scheduleWithFixedDelay(this::checkDrift, DRIFT_CHECK.toMillis(), DRIFT_CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Between changes nothing else would notice that a namespace was deleted behind the cloud's
   * back (by hand, or by another program's clean-up): a reconcile makes it again, with what runs
   * in it (listeners, resolver, instance), as if the state had just asked for it.
   */
  void checkDrift() {
    try {
      java.util.Set<String> gone = dataPlane.vanished();
      if (!gone.isEmpty()) {
        if (!gone.equals(lastVanished)) {
          LOG.log(System.Logger.Level.WARNING, "made by this cloud but gone from the host, making them again: " + gone);
        }
        reconciler.request();
      }
      lastVanished = gone;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "drift check failed: " + e.getMessage());
    }
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
    driftCheck.shutdownNow();
    if (forwards != null) {
      forwards.close();
    }
    reconciler.close();
    dataPlane.close();
  }
}
