package dev.privatelink.dataplane.flowlogs;

import dev.privatelink.dataplane.spec.FlowSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one aggregation interval added to the counters, as samples: for each 5-tuple whose
 * {@code seen} counter moved, the accepted part ({@code passed}'s growth) and the rejected rest,
 * each reported for the source interface (egress) and the destination interface (ingress) that
 * belong to the VPC. Rejected packets are REJECT on the interface whose groups dropped them: when
 * the sender's groups let them out, the sender's record is ACCEPT and the receiver's REJECT (as on
 * AWS, where each interface's record shows its own groups' verdict); when they did not, only the
 * sender has a record, since the packets never reached the receiver.
 */
final class FlowDelta {
  private FlowDelta() {}

  static List<FlowSample> samples(Map<String, Map<FlowReading.Tuple, FlowReading.Count>> before,
      Map<String, Map<FlowReading.Tuple, FlowReading.Count>> after, Map<String, String> enisByIp, Egress egress, long start,
      long end) {
    List<FlowSample> out = new ArrayList<>();
    Map<FlowReading.Tuple, FlowReading.Count> seen = after.getOrDefault(FlowCounters.SEEN, Map.of());
    for (var e : seen.entrySet()) {
      FlowReading.Tuple t = e.getKey();
      FlowReading.Count all = delta(before, after, FlowCounters.SEEN, t);
      if (all.packets() == 0) {
        continue;
      }
      FlowReading.Count passed = delta(before, after, FlowCounters.PASSED, t);
      long acceptedPackets = Math.min(passed.packets(), all.packets());
      long acceptedBytes = Math.min(passed.bytes(), all.bytes());
      int flags = tcpFlags(before, after, t);
      Counted accepted = new Counted(acceptedPackets, acceptedBytes, start, end, flags);
      if (acceptedPackets > 0) {
        add(out, t, enisByIp, accepted, Verdict.ACCEPT, Verdict.ACCEPT);
      }
      if (all.packets() > acceptedPackets) {
        Counted rejected = new Counted(all.packets() - acceptedPackets, all.bytes() - acceptedBytes, start, end, flags);
        boolean letOut = egress.allows(t.src(), t.dst(), t.protocol(), t.dstPort());
        add(out, t, enisByIp, rejected, letOut ? Verdict.ACCEPT : Verdict.REJECT, letOut ? Verdict.REJECT : Verdict.NONE);
      }
    }
    return out;
  }

  /**
   * The same for the flows carried in memory ({@link ObservedFlows}): each 5-tuple's contributions
   * summed per verdict, and a rejected one recorded where the groups that dropped it are.
   */
  static List<FlowSample> observed(List<ObservedFlows.Contribution> contributions, Map<String, String> enisByIp,
      Egress egress, long start, long end) {
    Map<FlowReading.Tuple, Counted> accepted = new java.util.LinkedHashMap<>();
    Map<FlowReading.Tuple, Counted> rejected = new java.util.LinkedHashMap<>();
    for (ObservedFlows.Contribution c : contributions) {
      Counted part = new Counted(c.packets(), c.bytes(), start, end, c.flags());
      (c.accepted() ? accepted : rejected).merge(c.tuple(), part, Counted::plus);
    }
    List<FlowSample> out = new ArrayList<>();
    accepted.forEach((t, c) -> add(out, t, enisByIp, c, Verdict.ACCEPT, Verdict.ACCEPT));
    rejected.forEach((t, c) -> {
      boolean letOut = egress.allows(t.src(), t.dst(), t.protocol(), t.dstPort());
      add(out, t, enisByIp, c, letOut ? Verdict.ACCEPT : Verdict.REJECT, letOut ? Verdict.REJECT : Verdict.NONE);
    });
    return out;
  }

  private static FlowReading.Count delta(Map<String, Map<FlowReading.Tuple, FlowReading.Count>> before,
      Map<String, Map<FlowReading.Tuple, FlowReading.Count>> after, String set, FlowReading.Tuple t) {
    FlowReading.Count now = after.getOrDefault(set, Map.of()).get(t);
    if (now == null) {
      return new FlowReading.Count(0, 0);
    }
    FlowReading.Count then = before.getOrDefault(set, Map.of()).get(t);
    return then == null ? now : now.minus(then);
  }

  private static int tcpFlags(Map<String, Map<FlowReading.Tuple, FlowReading.Count>> before,
      Map<String, Map<FlowReading.Tuple, FlowReading.Count>> after, FlowReading.Tuple t) {
    int flags = 0;
    for (FlowCounters.Flag f : FlowCounters.FLAGS) {
      if (delta(before, after, f.set(), t).packets() > 0) {
        flags |= f.bit();
      }
    }
    return flags;
  }

  /** Whether the source interface's egress rules let a new flow out (the destination's ingress aside). */
  @FunctionalInterface
  interface Egress {
    boolean allows(String source, String destination, int protocol, int port);
  }

  /** What one side's record says; {@code NONE}: that side has no record. */
  private enum Verdict { ACCEPT, REJECT, NONE }

  /** Packets and bytes of one part of a 5-tuple's interval. */
  private record Counted(long packets, long bytes, long start, long end, int flags) {
    Counted plus(Counted other) {
      return new Counted(packets + other.packets, bytes + other.bytes, start, end, flags | other.flags);
    }
  }

  private static void add(List<FlowSample> out, FlowReading.Tuple t, Map<String, String> enisByIp, Counted c,
      Verdict sender, Verdict receiver) {
    String src = enisByIp.get(t.src());
    String dst = enisByIp.get(t.dst());
    if (src != null && sender != Verdict.NONE) {
      out.add(sample(src, false, t, c, sender == Verdict.ACCEPT));
    }
    if (dst != null && receiver != Verdict.NONE) {
      out.add(sample(dst, true, t, c, receiver == Verdict.ACCEPT));
    }
  }

  private static FlowSample sample(String eni, boolean ingress, FlowReading.Tuple t, Counted c, boolean accepted) {
    return new FlowSample(eni, ingress, t.src(), t.dst(), t.srcPort(), t.dstPort(), t.protocol(), c.packets(), c.bytes(),
        c.start(), c.end(), accepted, c.flags());
  }
}
