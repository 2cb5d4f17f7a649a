package dev.privatelink.control.reachability;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.securitygroup.RuleRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.model.Cidr;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AnalysisSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.PortRange;

/**
 * Whether the security groups of a network interface admit a flow, as the VPC's stateful
 * firewall does: any rule of any group whose protocol, port range and peer (an IPv4 CIDR holding
 * the peer address, or a group the peer interface is in) match.
 */
final class SecurityGroupCheck {
  private final Ec2State ec2;

  SecurityGroupCheck(Ec2State ec2) {
    this.ec2 = ec2;
  }

  /** The first rule of {@code groupIds} that admits the flow leaving ({@code egress}) or entering the interface. */
  Optional<AnalysisSecurityGroupRule> admits(Scope scope, List<String> groupIds, boolean egress, Flow flow) {
    String peerIp = egress ? flow.destinationIp() : flow.sourceIp();
    for (String groupId : groupIds) {
      Optional<SecurityGroupRecord> group = ec2.securityGroups().find(scope, groupId);
      for (RuleRecord rule : group.map(g -> egress ? g.egress() : g.ingress()).orElse(List.of())) {
        if (protocolMatches(rule, flow) && peerMatches(rule, peerIp, egress ? List.of() : flow.sourceGroups())) {
          return Optional.of(render(rule, egress));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean protocolMatches(RuleRecord rule, Flow flow) {
    if (rule.protocol().equals("-1")) {
      return true;
    }
    boolean anyPort = flow.destinationPort() < 0;
    return rule.protocol().equals(flow.protocol()) && (anyPort || rule.fromPort() <= flow.destinationPort()
        && flow.destinationPort() <= rule.toPort());
  }

  private static boolean peerMatches(RuleRecord rule, String peerIp, List<String> peerGroups) {
    if (rule.cidrIpv4() != null) {
      return Cidr.parse(rule.cidrIpv4()).contains(peerIp);
    }
    return rule.referencedGroupId() != null && peerGroups.contains(rule.referencedGroupId());
  }

  private static AnalysisSecurityGroupRule render(RuleRecord rule, boolean egress) {
    var b = AnalysisSecurityGroupRule.builder().cidr(rule.cidrIpv4()).securityGroupId(rule.groupId())
        .direction(egress ? "egress" : "ingress").protocol(rule.protocol());
    if (!rule.protocol().equals("-1")) {
      b.portRange(PortRange.builder().from(rule.fromPort()).to(rule.toPort()).build());
    }
    return b.build();
  }
}
