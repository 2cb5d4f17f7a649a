package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.spec.StatusSink;
import org.jspecify.annotations.Nullable;

/** Turns what the data plane reports into control-plane events (journaled like any change). */
final class CloudStatusSink implements StatusSink {
  private final Cloud cloud;

  CloudStatusSink(Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public void ready(String resourceId) {
    cloud.report(new ControlEvent.ResourceReady(resourceId));
  }

  @Override
  public void failed(String resourceId, String reason) {
    cloud.report(new ControlEvent.ResourceFailed(resourceId, reason));
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
