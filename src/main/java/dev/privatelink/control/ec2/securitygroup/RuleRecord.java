package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.model.IpProtocol;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One security group rule with exactly one peer: an IPv4 CIDR, an IPv6 CIDR, a prefix list or a
 * referenced group.
 *
 * @param protocol normalised: {@code -1}, {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} or a protocol number
 * @param fromPort first port or ICMP type; -1 when the protocol has no ports
 * @param toPort last port or ICMP code; -1 when the protocol has no ports
 */
public record RuleRecord(
    @Nullable String ruleId,
    String groupId,
    String groupOwnerId,
    boolean egress,
    String protocol,
    int fromPort,
    int toPort,
    @Nullable String cidrIpv4,
    @Nullable String cidrIpv6,
    @Nullable String prefixListId,
    @Nullable String referencedGroupId,
    @Nullable String referencedUserId,
    @Nullable String description) {

  /** True if both rules allow the same traffic (AWS's duplicate test ignores ids and descriptions). */
  public boolean sameAs(RuleRecord other) {
    return egress == other.egress && protocol.equals(other.protocol) && fromPort == other.fromPort
        && toPort == other.toPort && Objects.equals(cidrIpv4, other.cidrIpv4) && Objects.equals(cidrIpv6, other.cidrIpv6)
        && Objects.equals(prefixListId, other.prefixListId) && Objects.equals(referencedGroupId, other.referencedGroupId);
  }

  public boolean hasPorts() {
    return IpProtocol.parse(protocol).hasPorts();
  }

  public RuleRecord withDescription(String newDescription) {
    return new RuleRecord(ruleId, groupId, groupOwnerId, egress, protocol, fromPort, toPort, cidrIpv4, cidrIpv6,
        prefixListId, referencedGroupId, referencedUserId, newDescription);
  }

  /** The peer as AWS prints it in rule errors, e.g. {@code 0.0.0.0/0} or {@code sg-…}. */
  public @Nullable String peer() {
    if (cidrIpv4 != null) return cidrIpv4;
    if (cidrIpv6 != null) return cidrIpv6;
    if (prefixListId != null) return prefixListId;
    return referencedGroupId;
  }
}
