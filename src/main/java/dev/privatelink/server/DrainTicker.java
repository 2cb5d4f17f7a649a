package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.elb.DrainDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code Tick(targetGroupArn)} when a deregistered target's delay has passed, so that it
 * leaves {@code draining} as on AWS. Re-plans after every change of the cloud.
 */
final class DrainTicker implements AutoCloseable {
  private final Cloud cloud;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().daemon().name("drain-ticker").unstarted(r));
  private @Nullable ScheduledFuture<?> next;
  private @Nullable Instant nextDue;

  DrainTicker(Cloud cloud) {
    this.cloud = cloud;
  }

  void start() {
    cloud.onChange(v -> plan());
    plan();
  }

  private synchronized void plan() {
    List<DrainDeadline> deadlines = cloud.read(f -> f.elb().drainDeadlines());
    Instant earliest = deadlines.stream().map(DrainDeadline::due).min(Instant::compareTo).orElse(null);
    if (earliest == null || (nextDue != null && !earliest.isBefore(nextDue) && next != null && !next.isDone())) {
      return;
    }
    if (next != null) {
      next.cancel(false);
    }
    nextDue = earliest;
    long delay = Math.max(0, Duration.between(Instant.now(), earliest).toMillis());
    next = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
  }

  private void fire() {
    Instant now = Instant.now();
    synchronized (this) {
      nextDue = null;
    }
    cloud.read(f -> f.elb().drainDeadlines()).stream().filter(d -> !d.due().isAfter(now))
        .map(DrainDeadline::targetGroupArn).distinct().forEach(tg -> cloud.report(new ControlEvent.Tick(tg)));
    plan();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
