package dev.privatelink.control;

import org.jspecify.annotations.Nullable;

/**
 * A change the data plane reports (the host side of a resource is ready, a target's health
 * changed, an instance printed output). Events are mutations like API calls: journaled and
 * replayed. An event that changes nothing is dropped.
 */
public sealed interface ControlEvent {
  /** The host side of a VPC, subnet, instance, load balancer or endpoint exists. */
  record ResourceReady(String resourceId) implements ControlEvent {}

  /** The host side of a resource could not be made. */
  record ResourceFailed(String resourceId, String reason) implements ControlEvent {}

  /** A health check concluded something new about a target. */
  record TargetHealthChanged(String targetGroupArn, String targetId, int port, String state, @Nullable String reason,
      @Nullable String description) implements ControlEvent {}

  /** Text an instance printed on its console. */
  record ConsoleOutput(String instanceId, String text) implements ControlEvent {}

  /**
   * Every resource of one account, in every region, is forgotten (a signed {@code /moto-api/reset}).
   * Not a report from the host: the cloud applies it itself, journaled like any change.
   */
  record AccountReset(String accountId) implements ControlEvent {}

  /**
   * Flows the data plane counted in one aggregation interval, each as seen by one network
   * interface; VPC Flow Logs turn them into records.
   */
  record FlowsObserved(java.util.List<ObservedFlow> flows) implements ControlEvent {
    public FlowsObserved {
      flows = java.util.List.copyOf(flows);
    }
  }

  /**
   * One 5-tuple's packets through one interface in one interval.
   *
   * @param ingress true for traffic into the interface, false for traffic out of it
   * @param start the first packet's time, epoch seconds; {@code end} the last one's
   * @param tcpFlags the OR of the TCP flags seen (AWS's encoding: FIN 1, SYN 2, RST 4, SYN-ACK 18), 0 if unknown
   */
  record ObservedFlow(String networkInterfaceId, boolean ingress, String srcAddr, String dstAddr, int srcPort, int dstPort,
      int protocol, long packets, long bytes, long start, long end, boolean accepted, int tcpFlags) {}

  /** A time-driven transition is due (e.g. a draining target's deregistration delay has passed). */
  record Tick(String resourceId) implements ControlEvent {}
}
