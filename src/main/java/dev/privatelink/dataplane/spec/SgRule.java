package dev.privatelink.dataplane.spec;

import org.jspecify.annotations.Nullable;

/**
 * One allow rule. Exactly one of {@code cidr} and {@code referencedGroupId} is set: a rule that
 * references a group matches the private addresses of every ENI in that group.
 *
 * @param protocol {@code -1} (all), {@code tcp}, {@code udp} or {@code icmp}
 * @param fromPort first port (or ICMP type; -1 for all), ignored for protocol -1
 * @param toPort last port (or ICMP code; -1 for all), ignored for protocol -1
 */
public record SgRule(String protocol, int fromPort, int toPort, @Nullable String cidr, @Nullable String referencedGroupId) {}
