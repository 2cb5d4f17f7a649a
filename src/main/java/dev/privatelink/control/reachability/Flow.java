package dev.privatelink.control.reachability;

import java.util.List;

/**
 * The packet as one hop of the path sees it: protocol ({@code tcp} or {@code udp}), addresses,
 * destination port, and the security groups of the interface it was sent from (for rules that
 * reference a group).
 */
record Flow(String protocol, String sourceIp, String destinationIp, int destinationPort, List<String> sourceGroups) {
  Flow {
    sourceGroups = List.copyOf(sourceGroups);
  }

  /** The same packet after a proxy (load balancer node) re-sent it from its own address. */
  Flow from(String ip, List<String> groups, String toIp, int toPort) {
    return new Flow(protocol, ip, toIp, toPort, groups);
  }
}
