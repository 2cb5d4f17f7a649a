package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.spec.StatusSink;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the data plane reports into control-plane events (journaled like any change).
 * Console output is coalesced: the text an instance prints within {@link #CONSOLE_FLUSH_MILLIS}
 * becomes one event, so a chatty instance costs one journal record (and at most one fsync) per
 * interval, not one per line; no more than the last 64 KiB is kept, as AWS keeps.
 */
final class CloudStatusSink implements StatusSink {
  static final long CONSOLE_FLUSH_MILLIS = 100;
  private static final int CONSOLE_LIMIT = 64 * 1024;
  private static final System.Logger LOG = System.getLogger(CloudStatusSink.class.getName());
  private final Cloud cloud;
  private final Map<String, StringBuilder> console = new LinkedHashMap<>();
  private @Nullable Thread flusher;
  private final java.util.Set<String> logged = java.util.concurrent.ConcurrentHashMap.newKeySet();

  CloudStatusSink(Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void ready(String resourceId) {
    cloud.report(new ControlEvent.ResourceReady(resourceId));
  }

  /**
   * Every failure is also logged: VPCs and subnets have no failed state on AWS, so they stay
   * {@code pending} and the server log is where their reason shows (once per resource and reason).
   */
  @Override
  public void failed(String resourceId, String reason) {
    boolean moved = cloud.report(new ControlEvent.ResourceFailed(resourceId, reason));
    if (moved || logged.add(resourceId + ": " + reason)) {
      LOG.log(System.Logger.Level.WARNING, "the host could not make " + resourceId + ": " + reason);
    }
  }

  @Override
  public void targetHealth(String tg, String targetId, int port, String state, @Nullable String reason,
      @Nullable String description) {
    cloud.report(new ControlEvent.TargetHealthChanged(tg, targetId, port, state, reason, description));
  }

  /** Flow samples become one event per interval; dropped, like console output, when the cloud is closing. */
  @Override
  public void flows(java.util.List<dev.privatelink.dataplane.spec.FlowSample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    try {
      cloud.report(new ControlEvent.FlowsObserved(samples.stream().map(f -> new ControlEvent.ObservedFlow(
          f.networkInterfaceId(), f.ingress(), f.srcAddr(), f.dstAddr(), f.srcPort(), f.dstPort(), f.protocol(), f.packets(),
          f.bytes(), f.start(), f.end(), f.accepted(), f.tcpFlags())).toList()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "flow samples dropped: " + e.getMessage());
    }
  }

  @Override
  public void consoleOutput(String instanceId, String text) {
    synchronized (console) {
      StringBuilder pending = console.computeIfAbsent(instanceId, id -> new StringBuilder());
      pending.append(text);
      if (pending.length() > CONSOLE_LIMIT) {
        pending.delete(0, pending.length() - CONSOLE_LIMIT);
      }
      if (flusher == null) {
        flusher = Thread.ofPlatform().daemon().name("privatelink-console").start(this::flushLoop);
      }
    }
  }

  private void flushLoop() {
    while (true) {
      try {
        Thread.sleep(CONSOLE_FLUSH_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Map<String, String> batch = new LinkedHashMap<>();
      synchronized (console) {
        console.forEach((id, text) -> batch.put(id, text.toString()));
        console.clear();
      }
      batch.forEach((id, text) -> {
        try {
          cloud.report(new ControlEvent.ConsoleOutput(id, text));
        } catch (RuntimeException e) {
          // The cloud is closing, or the change could not be made durable: console output is
          // telemetry nobody was promised, so it is dropped rather than retried.
        }
      });
    }
  }
}
