package dev.privatelink.dataplane.flowlogs;

import java.util.List;

/**
 * The nftables table {@code inet pl_flow} of a VPC router: dynamic sets keyed by the IPv4 5-tuple
 * with a counter per element. {@code seen} counts every TCP and UDP packet before the security
 * groups ({@code pl_sg}, priority filter) judge it, {@code passed} those they let through (a
 * chain after them sees only accepted packets); the difference is what they rejected. The
 * {@code f_*} sets count packets carrying a TCP flag, for the records' {@code tcp-flags}. A
 * packet between two managed ENIs crosses OUTPUT and then INPUT over {@code lo}: it is counted on
 * OUTPUT only. Loopback (127/8) traffic is not counted.
 */
final class FlowCounters {
  static final String TABLE = "pl_flow";
  static final String SEEN = "seen";
  static final String PASSED = "passed";

  /** A TCP flag set and the bit AWS's tcp-flags gives it. */
  record Flag(String set, String match, int bit) {}

  static final List<Flag> FLAGS = List.of(new Flag("f_fin", "tcp flags & fin == fin", 1),
      new Flag("f_syn", "tcp flags & (syn | ack) == syn", 2), new Flag("f_rst", "tcp flags & rst == rst", 4),
      new Flag("f_synack", "tcp flags & (syn | ack) == syn | ack", 18));

  private static final String KEY = "ip saddr . ip daddr . meta l4proto . th sport . th dport";

  private FlowCounters() {}

  /** The table, created anew (its counters start at zero). */
  static String script() {
    StringBuilder s = new StringBuilder();
    s.append("table inet ").append(TABLE).append(" {}\ndelete table inet ").append(TABLE).append("\n");
    s.append("table inet ").append(TABLE).append(" {\n");
    for (String set : sets()) {
      s.append("  set ").append(set).append(" { type ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service;")
          .append(" flags dynamic,timeout; timeout 1h; counter; size 262144; }\n");
    }
    chain(s, "pre_fwd", "forward", "- 5", "", true);
    chain(s, "pre_in", "input", "- 5", "iif != lo ", true);
    chain(s, "pre_out", "output", "- 5", "", true);
    chain(s, "post_fwd", "forward", "+ 5", "", false);
    chain(s, "post_in", "input", "+ 5", "iif != lo ", false);
    chain(s, "post_out", "output", "+ 5", "", false);
    s.append("}\n");
    return s.toString();
  }

  static List<String> sets() {
    List<String> out = new java.util.ArrayList<>(List.of(SEEN, PASSED));
    FLAGS.forEach(f -> out.add(f.set()));
    return out;
  }

  private static void chain(StringBuilder s, String name, String hook, String priority, String guard, boolean before) {
    String match = "meta nfproto ipv4 " + guard + "ip daddr != 127.0.0.0/8 ";
    s.append("  chain ").append(name).append(" { type filter hook ").append(hook).append(" priority filter ")
        .append(priority).append("; policy accept;\n");
    s.append("    ").append(match).append("meta l4proto { tcp, udp } update @").append(before ? SEEN : PASSED).append(" { ").append(KEY).append(" }\n");
    if (before) {
      for (Flag f : FLAGS) {
        s.append("    ").append(match).append(f.match()).append(" update @").append(f.set()).append(" { ").append(KEY)
            .append(" }\n");
      }
    }
    s.append("  }\n");
  }
}
