package dev.privatelink.dataplane.flowlogs;

import dev.privatelink.dataplane.elb.FlowObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The flows the load balancers carry in memory (an NLB node handing a flow to an ALB node), which
 * no nftables counter sees, kept per VPC router namespace until {@link FlowCapture} reads that
 * VPC's counters and turns both into records. Only a namespace whose VPC a flow log watches keeps
 * anything; the others cost a volatile read per flow.
 *
 * <p>The JVM sees bytes at the socket, not packets, so packets are estimated as a kernel would have
 * sent them: the handshake (SYN and ACK one way, SYN-ACK the other), one packet per 1,448 bytes of
 * payload (an MSS on a 1,500-byte MTU) and a FIN each way, each packet with 40 bytes of IPv4 and
 * TCP headers, which flow logs count in {@code bytes}.
 */
public final class ObservedFlows implements FlowObserver {
  static final int MSS = 1448;
  static final int HEADERS = 40;
  private final Map<String, Namespace> byNamespace = new ConcurrentHashMap<>();

  /** What one flow contributed in one direction: its packets, bytes and TCP flags. */
  record Contribution(FlowReading.Tuple tuple, long packets, long bytes, int flags, boolean accepted) {}

  @Override
  public FlowObserver in(String vpcNamespace) {
    return byNamespace.computeIfAbsent(vpcNamespace, k -> new Namespace());
  }

  /** Flows outside any VPC are not logged. */
  @Override
  public boolean observing() {
    return false;
  }

  @Override
  public void decided(Flow flow, Action action) {}

  @Override
  public void closed(Flow flow, long bytesIn, long bytesOut) {}

  /** Starts or stops keeping the flows of a VPC router's namespace. */
  void watch(String vpcNamespace, boolean watched) {
    Namespace n = (Namespace) in(vpcNamespace);
    n.watched = watched;
    if (!watched) {
      n.pending.clear();
    }
  }

  /** What the namespace's flows contributed since the last drain. */
  List<Contribution> drain(String vpcNamespace) {
    Namespace n = byNamespace.get(vpcNamespace);
    List<Contribution> out = new ArrayList<>();
    if (n != null) {
      for (Contribution c = n.pending.poll(); c != null; c = n.pending.poll()) {
        out.add(c);
      }
    }
    return out;
  }

  /** The observer of one namespace's flows. */
  private static final class Namespace implements FlowObserver {
    volatile boolean watched;
    final ConcurrentLinkedQueue<Contribution> pending = new ConcurrentLinkedQueue<>();

    @Override
    public boolean observing() {
      return watched;
    }

    @Override
    public void decided(Flow flow, Action action) {
      if (!watched) {
        return;
      }
      boolean accepted = action == Action.ACCEPT;
      pending.add(new Contribution(forward(flow), accepted ? 2 : 1, (accepted ? 2 : 1) * HEADERS, 2, accepted));
      if (accepted) {
        pending.add(new Contribution(reverse(flow), 1, HEADERS, 18, true));
      }
    }

    @Override
    public void closed(Flow flow, long bytesIn, long bytesOut) {
      if (!watched) {
        return;
      }
      pending.add(payload(forward(flow), bytesIn));
      pending.add(payload(reverse(flow), bytesOut));
    }

    private static Contribution payload(FlowReading.Tuple tuple, long bytes) {
      long packets = (bytes + MSS - 1) / MSS + 1; // and the FIN
      return new Contribution(tuple, packets, bytes + packets * HEADERS, 1, true);
    }

    private static FlowReading.Tuple forward(Flow f) {
      return new FlowReading.Tuple(f.source().getAddress().getHostAddress(), f.destination().getAddress().getHostAddress(),
          f.protocol().number(), f.source().getPort(), f.destination().getPort());
    }

    private static FlowReading.Tuple reverse(Flow f) {
      return new FlowReading.Tuple(f.destination().getAddress().getHostAddress(), f.source().getAddress().getHostAddress(),
          f.protocol().number(), f.destination().getPort(), f.source().getPort());
    }
  }
}
