package dev.privatelink.dataplane.flowlogs;

import dev.privatelink.dataplane.spec.FlowSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one aggregation interval added to the counters, as samples: for each 5-tuple whose
 * {@code seen} counter moved, the accepted part ({@code passed}'s growth) and the rejected rest,
 * each reported for the source interface (egress) and the destination interface (ingress) that
 * belong to the VPC.
 */
final class FlowDelta {
  private FlowDelta() {}

  static List<FlowSample> samples(Map<String, Map<FlowReading.Tuple, FlowReading.Count>> before,
      Map<String, Map<FlowReading.Tuple, FlowReading.Count>> after, Map<String, String> enisByIp, long start, long end) {
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
      if (acceptedPackets > 0) {
        add(out, t, enisByIp, acceptedPackets, acceptedBytes, start, end, true, flags);
      }
      if (all.packets() > acceptedPackets) {
        add(out, t, enisByIp, all.packets() - acceptedPackets, all.bytes() - acceptedBytes, start, end, false, flags);
      }
    }
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

  private static void add(List<FlowSample> out, FlowReading.Tuple t, Map<String, String> enisByIp, long packets, long bytes,
      long start, long end, boolean accepted, int flags) {
    String src = enisByIp.get(t.src());
    String dst = enisByIp.get(t.dst());
    if (src != null) {
      out.add(new FlowSample(src, false, t.src(), t.dst(), t.srcPort(), t.dstPort(), t.protocol(), packets, bytes, start, end,
          accepted, flags));
    }
    if (dst != null) {
      out.add(new FlowSample(dst, true, t.src(), t.dst(), t.srcPort(), t.dstPort(), t.protocol(), packets, bytes, start, end,
          accepted, flags));
    }
  }
}
