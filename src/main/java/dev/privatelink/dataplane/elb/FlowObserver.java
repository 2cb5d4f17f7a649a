package dev.privatelink.dataplane.elb;

import dev.privatelink.model.IpProtocol;
import java.net.InetSocketAddress;

/**
 * Sees the flows the data plane decides itself, without the kernel (an NLB node handing a flow to
 * an ALB node in memory, so no nftables rule counts it): where the security-group decision is made,
 * {@link #decided} once per flow; for an accepted flow, {@link #closed} with its byte counts when
 * it ends. The hook for flow accounting such as
 * <a href="https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html">VPC Flow Logs</a>.
 * Called on event loop threads: it must not block.
 */
public interface FlowObserver {
  /** One flow as the security groups see it: the source and destination ENI addresses and ports. */
  record Flow(InetSocketAddress source, InetSocketAddress destination, IpProtocol protocol) {}

  /** The security groups' verdict, in Flow Logs' words. */
  enum Action { ACCEPT, REJECT }

  void decided(Flow flow, Action action);

  /** @param bytesIn bytes from the source to the destination; {@code bytesOut} the other way */
  void closed(Flow flow, long bytesIn, long bytesOut);

  /** Whether it wants the flows now: when not, nobody counts their bytes. */
  default boolean observing() {
    return true;
  }

  /** The observer of the flows in one VPC router's namespace (their addresses are only unique there). */
  default FlowObserver in(String vpcNamespace) {
    return this;
  }

  /** Observes nothing, and costs nothing per byte. */
  FlowObserver NONE = new FlowObserver() {
    @Override
    public boolean observing() {
      return false;
    }

    @Override
    public void decided(Flow flow, Action action) {}

    @Override
    public void closed(Flow flow, long bytesIn, long bytesOut) {}
  };
}
