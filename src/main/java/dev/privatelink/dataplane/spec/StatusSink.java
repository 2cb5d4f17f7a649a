package dev.privatelink.dataplane.spec;

import org.jspecify.annotations.Nullable;

/**
 * How the data plane tells the control plane what it achieved on the host. Implementations are
 * thread safe; calls with an unchanged value are cheap no-ops.
 */
public interface StatusSink {
  /** The host side of a resource (VPC, subnet, instance, load balancer, endpoint) is ready. */
  void ready(String resourceId);

  /** A resource could not be realised on the host; it should go to its failed state. */
  void failed(String resourceId, String reason);

  /** What a target group's health checks concluded about one target (id and port). */
  void targetHealth(String targetGroupArn, String targetId, int port, String state, @Nullable String reason,
      @Nullable String description);

  /** Text an instance printed on its console (user data output), appended. */
  void consoleOutput(String instanceId, String text);

  /** Flows counted in one aggregation interval, for flow logs. */
  default void flows(java.util.List<FlowSample> samples) {}

  /** A sink that drops everything, for tests of the data plane alone. */
  StatusSink NONE = new StatusSink() {
    @Override public void ready(String resourceId) {}
    @Override public void failed(String resourceId, String reason) {}
    @Override public void targetHealth(String tg, String id, int port, String s, @Nullable String r, @Nullable String d) {}
    @Override public void consoleOutput(String instanceId, String text) {}
  };
}
