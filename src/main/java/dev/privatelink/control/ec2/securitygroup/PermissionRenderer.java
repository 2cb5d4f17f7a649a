package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.model.IpProtocol;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Shows rules the two ways EC2 does: merged into IpPermissions (one per protocol and port range,
 * as DescribeSecurityGroups returns them) and one by one as SecurityGroupRules with their ids.
 */
final class PermissionRenderer {
  private final Ec2State state;

  PermissionRenderer(Ec2State state) {
    this.state = state;
  }

  static List<IpPermission> permissions(List<RuleRecord> rules) {
    Map<String, List<RuleRecord>> byRange = new LinkedHashMap<>();
    for (RuleRecord r : rules) {
      byRange.computeIfAbsent(r.protocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>()).add(r);
    }
    List<IpPermission> out = new ArrayList<>();
    for (List<RuleRecord> same : byRange.values()) {
      RuleRecord first = same.get(0);
      out.add(IpPermission.builder().ipProtocol(first.protocol())
          .fromPort(first.hasPorts() ? first.fromPort() : null).toPort(first.hasPorts() ? first.toPort() : null)
          .ipRanges(same.stream().filter(r -> r.cidrIpv4() != null)
              .map(r -> IpRange.builder().cidrIp(r.cidrIpv4()).description(r.description()).build()).toList())
          .ipv6Ranges(same.stream().filter(r -> r.cidrIpv6() != null)
              .map(r -> Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).description(r.description()).build()).toList())
          .userIdGroupPairs(same.stream().filter(r -> r.referencedGroupId() != null)
              .map(r -> UserIdGroupPair.builder().groupId(r.referencedGroupId()).userId(r.referencedUserId())
                  .description(r.description()).build()).toList())
          .prefixListIds(same.stream().filter(r -> r.prefixListId() != null)
              .map(r -> PrefixListId.builder().prefixListId(r.prefixListId()).description(r.description()).build()).toList())
          .build());
    }
    return out;
  }

  SecurityGroupRule rule(Scope scope, RuleRecord r) {
    return SecurityGroupRule.builder().securityGroupRuleId(r.ruleId()).groupId(r.groupId()).groupOwnerId(r.groupOwnerId())
        .isEgress(r.egress()).ipProtocol(r.protocol()).fromPort(r.fromPort()).toPort(r.toPort())
        .cidrIpv4(r.cidrIpv4()).cidrIpv6(r.cidrIpv6()).prefixListId(r.prefixListId())
        .referencedGroupInfo(r.referencedGroupId() == null ? null
            : ReferencedSecurityGroup.builder().groupId(r.referencedGroupId()).userId(r.referencedUserId()).build())
        .description(r.description()).tags(state.tagList(scope, r.ruleId()))
        .securityGroupRuleArn("arn:aws:ec2:" + scope.region() + ":" + r.groupOwnerId() + ":security-group-rule/" + r.ruleId())
        .build();
  }

  static RevokedSecurityGroupRule revoked(RuleRecord r) {
    return RevokedSecurityGroupRule.builder().securityGroupRuleId(r.ruleId()).groupId(r.groupId()).isEgress(r.egress())
        .ipProtocol(r.protocol()).fromPort(r.fromPort()).toPort(r.toPort()).cidrIpv4(r.cidrIpv4()).cidrIpv6(r.cidrIpv6())
        .prefixListId(r.prefixListId()).referencedGroupId(r.referencedGroupId()).description(r.description()).build();
  }

  /** A rule as AWS quotes it in InvalidPermission errors. */
  static String quote(RuleRecord r) {
    String protocol = IpProtocol.parse(r.protocol()).equals(IpProtocol.ALL) ? "ALL" : r.protocol().toUpperCase(java.util.Locale.ROOT);
    String ports = r.hasPorts() ? ", from port: " + r.fromPort() + ", to port: " + r.toPort() : "";
    return "\"peer: " + r.peer() + ", " + protocol + ports + ", ALLOW\"";
  }
}
