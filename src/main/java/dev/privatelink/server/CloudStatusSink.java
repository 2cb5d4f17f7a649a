package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.spec.StatusSink;
import org.jspecify.annotations.Nullable;

/** Turns what the data plane reports into control-plane events (journaled like any change). */
final class CloudStatusSink implements StatusSink {
  private static final System.Logger LOG = System.getLogger(CloudStatusSink.class.getName());
  private final Cloud cloud;
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

  @Override
  public void consoleOutput(String instanceId, String text) {
    cloud.report(new ControlEvent.ConsoleOutput(instanceId, text));
  }
}
