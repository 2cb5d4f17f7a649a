package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VPC router's {@code inet pl_sg} table as values: the group sets with their members, one chain
 * of rules per ENI and side, and the two maps that dispatch a packet by address to those chains.
 * It renders either as a whole replacement or as the changes from the table the host already has,
 * so that launching one instance into a VPC of hundreds costs a transaction the size of that
 * instance, not of the VPC.
 *
 * @param cidr the VPC's CIDR, which the dispatch chain's DNS rule names
 * @param sets each group set's name and member addresses
 * @param chains each ENI chain's name and rule lines, in order
 * @param egressOf source address to the chain it jumps to
 * @param ingressOf destination address to the chain it goes to
 */
record SgTable(String cidr, Map<String, List<String>> sets, Map<String, List<String>> chains,
    Map<String, String> egressOf, Map<String, String> ingressOf) {
  static final String TABLE = "pl_sg";
  private static final String EGRESS_MAP = "egress_of";
  private static final String INGRESS_MAP = "ingress_of";
  private static final String QUALIFIED = "inet " + TABLE + " ";

  /** The whole table, deleted and re-created in one transaction (conntrack, outside it, keeps established flows). */
  String script() {
    StringBuilder s = new StringBuilder();
    s.append("table ").append(QUALIFIED).append("{}\n");
    s.append("delete table ").append(QUALIFIED.strip()).append("\n");
    s.append("table ").append(QUALIFIED).append("{\n");
    sets.forEach((name, members) -> {
      s.append("  set ").append(name).append(" { type ipv4_addr;");
      if (!members.isEmpty()) {
        s.append(" elements = { ").append(String.join(", ", members)).append(" };");
      }
      s.append(" }\n");
    });
    appendMap(s, EGRESS_MAP, egressOf, "jump ");
    appendMap(s, INGRESS_MAP, ingressOf, "goto ");
    appendBaseChains(s);
    chains.forEach((name, rules) -> {
      s.append("  chain ").append(name).append(" {\n");
      rules.forEach(r -> s.append("    ").append(r).append('\n'));
      s.append("  }\n");
    });
    return s.append("}\n").toString();
  }

  /**
   * One transaction that turns {@code before}, the table the host has, into this one: new sets and
   * chains first, so that rules and map elements can name them; chains that are gone last, once
   * nothing jumps to them. Empty when nothing changed.
   */
  String changesFrom(SgTable before) {
    if (!cidr.equals(before.cidr)) {
      return script();
    }
    List<String> lines = new ArrayList<>();
    sets.keySet().stream().filter(n -> !before.sets.containsKey(n))
        .forEach(n -> lines.add("add set " + QUALIFIED + n + " { type ipv4_addr; }"));
    sets.forEach((name, members) -> elementChanges(lines, name, before.sets.getOrDefault(name, List.of()), members));
    chains.keySet().stream().filter(n -> !before.chains.containsKey(n)).forEach(n -> lines.add("add chain " + QUALIFIED + n));
    chains.forEach((name, rules) -> {
      List<String> old = before.chains.get(name);
      if (!rules.equals(old)) {
        if (old != null) {
          lines.add("flush chain " + QUALIFIED + name);
        }
        rules.forEach(r -> lines.add("add rule " + QUALIFIED + name + " " + r));
      }
    });
    mapChanges(lines, EGRESS_MAP, before.egressOf, egressOf, "jump ");
    mapChanges(lines, INGRESS_MAP, before.ingressOf, ingressOf, "goto ");
    before.chains.keySet().stream().filter(n -> !chains.containsKey(n)).forEach(n -> {
      lines.add("flush chain " + QUALIFIED + n);
      lines.add("delete chain " + QUALIFIED + n);
    });
    before.sets.keySet().stream().filter(n -> !sets.containsKey(n)).forEach(n -> lines.add("delete set " + QUALIFIED + n));
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private static void elementChanges(List<String> lines, String set, List<String> before, List<String> after) {
    List<String> gone = before.stream().filter(m -> !after.contains(m)).toList();
    List<String> added = after.stream().filter(m -> !before.contains(m)).toList();
    if (!gone.isEmpty()) {
      lines.add("delete element " + QUALIFIED + set + " { " + String.join(", ", gone) + " }");
    }
    if (!added.isEmpty()) {
      lines.add("add element " + QUALIFIED + set + " { " + String.join(", ", added) + " }");
    }
  }

  private static void mapChanges(List<String> lines, String map, Map<String, String> before, Map<String, String> after,
      String verb) {
    List<String> gone = before.entrySet().stream()
        .filter(e -> !Objects.equals(after.get(e.getKey()), e.getValue())).map(Map.Entry::getKey).toList();
    List<String> added = after.entrySet().stream()
        .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue())).map(e -> e.getKey() + " : " + verb + e.getValue())
        .toList();
    if (!gone.isEmpty()) {
      lines.add("delete element " + QUALIFIED + map + " { " + String.join(", ", gone) + " }");
    }
    if (!added.isEmpty()) {
      lines.add("add element " + QUALIFIED + map + " { " + String.join(", ", added) + " }");
    }
  }

  private static void appendMap(StringBuilder s, String name, Map<String, String> verdicts, String verb) {
    s.append("  map ").append(name).append(" { type ipv4_addr : verdict;");
    if (!verdicts.isEmpty()) {
      s.append(" elements = { ");
      s.append(String.join(", ", verdicts.entrySet().stream().map(e -> e.getKey() + " : " + verb + e.getValue()).toList()));
      s.append(" };");
    }
    s.append(" }\n");
  }

  private void appendBaseChains(StringBuilder s) {
    s.append("""
          chain forward { type filter hook forward priority filter; policy drop; meta nfproto ipv4 jump sg; }
          chain input { type filter hook input priority filter; policy drop;
            iif lo ip daddr 127.0.0.0/8 accept; iif lo meta nfproto ipv6 accept; meta nfproto ipv4 jump sg; }
          chain output { type filter hook output priority filter; policy drop;
            oif lo ip daddr 127.0.0.0/8 accept; oif lo meta nfproto ipv6 accept; meta nfproto ipv4 jump sg; }
        """);
    s.append("  chain sg {\n    ct state established,related accept\n    ct state invalid drop\n");
    // AmazonProvidedDNS is not subject to security groups.
    Cidr c = Cidr.parse(cidr);
    s.append("    ip saddr ").append(c).append(" ip daddr ").append(c.host(2))
        .append(" meta l4proto { tcp, udp } th dport 53 accept\n");
    s.append("    ip saddr vmap @").append(EGRESS_MAP).append("\n  }\n");
    s.append("  chain ingress {\n    ip daddr vmap @").append(INGRESS_MAP).append("\n  }\n");
  }
}
