package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.model.IpProtocol;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.prefixlist.PrefixListDirectory;
import dev.privatelink.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Reads IpPermissions into single-peer rules (one per CIDR, prefix list or group pair), checking
 * protocol, ports, CIDRs and referenced groups as AWS does. The rules it returns have no id yet.
 */
final class PermissionParser {
  private final Ec2State state;

  PermissionParser(Ec2State state) {
    this.state = state;
  }

  List<RuleRecord> parse(Scope scope, SecurityGroupRecord group, boolean egress, List<IpPermission> permissions) {
    List<RuleRecord> out = new ArrayList<>();
    for (IpPermission p : permissions) {
      String protocol = protocol(p.ipProtocol());
      int[] ports = ports(protocol, p.fromPort(), p.toPort());
      int before = out.size();
      for (IpRange r : p.ipRanges()) {
        out.add(rule(group, egress, protocol, ports, cidr(r.cidrIp(), false), null, null, null, null, r.description()));
      }
      for (Ipv6Range r : p.ipv6Ranges()) {
        out.add(rule(group, egress, protocol, ports, null, cidr(r.cidrIpv6(), true), null, null, null, r.description()));
      }
      for (PrefixListId pl : p.prefixListIds()) {
        out.add(rule(group, egress, protocol, ports, null, null, prefixList(scope, pl.prefixListId()), null, null,
            pl.description()));
      }
      for (UserIdGroupPair pair : p.userIdGroupPairs()) {
        SecurityGroupRecord peer = peer(scope, group, pair);
        out.add(rule(group, egress, protocol, ports, null, null, null, peer.groupId(), peer.ownerId(), pair.description()));
      }
      if (out.size() == before) {
        throw AwsException.missingParameter("The request must contain the parameter ipPermissions.N.ipRanges, ipv6Ranges, prefixListIds or groups");
      }
    }
    return out;
  }

  /** One rule of ModifySecurityGroupRules: the same checks, one peer. */
  RuleRecord parseOne(Scope scope, SecurityGroupRecord group, RuleRecord current, String ipProtocol, Integer from,
      Integer to, String cidrIpv4, String cidrIpv6, String prefixListId, String referencedGroupId, String description) {
    String protocol = protocol(ipProtocol);
    int[] ports = ports(protocol, from, to);
    String prefixList = prefixListId == null ? null : prefixList(scope, prefixListId);
    String peerGroup = null;
    String peerOwner = null;
    if (referencedGroupId != null) {
      SecurityGroupRecord peer = peer(scope, group, UserIdGroupPair.builder().groupId(referencedGroupId).build());
      peerGroup = peer.groupId();
      peerOwner = peer.ownerId();
    }
    String v4 = cidrIpv4 == null ? null : cidr(cidrIpv4, false);
    String v6 = cidrIpv6 == null ? null : cidr(cidrIpv6, true);
    if ((v4 != null ? 1 : 0) + (v6 != null ? 1 : 0) + (prefixList != null ? 1 : 0) + (peerGroup != null ? 1 : 0) != 1) {
      throw AwsException.invalidParameterCombination("Exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId must be given");
    }
    return new RuleRecord(current.ruleId(), group.groupId(), group.ownerId(), current.egress(), protocol, ports[0], ports[1],
        v4, v6, prefixList, peerGroup, peerOwner, description);
  }

  private static RuleRecord rule(SecurityGroupRecord g, boolean egress, String protocol, int[] ports, @Nullable String v4,
      @Nullable String v6, @Nullable String prefixList, @Nullable String peerGroup, @Nullable String peerOwner, @Nullable String description) {
    return new RuleRecord(null, g.groupId(), g.ownerId(), egress, protocol, ports[0], ports[1], v4, v6, prefixList,
        peerGroup, peerOwner, description);
  }

  static String protocol(String given) {
    if (given == null) {
      throw Ec2Errors.required("IpProtocol");
    }
    try {
      return IpProtocol.parse(given).awsName();
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("Invalid value '" + given + "' for IP protocol. Unknown protocol.");
    }
  }

  private static int[] ports(String protocol, Integer from, Integer to) {
    IpProtocol p = IpProtocol.parse(protocol);
    if (p.equals(IpProtocol.TCP) || p.equals(IpProtocol.UDP)) {
      if (from == null || to == null) {
        throw AwsException.invalidParameterValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange");
      }
      if (from < 0 || to > 65535 || from > to) {
        throw AwsException.invalidParameterValue("Invalid value '" + from + "-" + to + "' for portRange. "
            + "Must be a range of 0-65535 with the from port not greater than the to port.");
      }
      return new int[] {from, to};
    }
    if (p.hasPorts()) {
      int type = from == null ? -1 : from;
      int code = to == null ? -1 : to;
      if (type < -1 || type > 255 || code < -1 || code > 255) {
        throw AwsException.invalidParameterValue("Invalid value '" + type + "' for ICMP type or '" + code + "' for ICMP code");
      }
      return new int[] {type, code};
    }
    return new int[] {-1, -1};
  }

  private static String cidr(String text, boolean v6) {
    if (text == null) {
      throw Ec2Errors.required(v6 ? "CidrIpv6" : "CidrIp");
    }
    if (v6) {
      if (!text.matches("[0-9a-fA-F:]+/\\d{1,3}")) {
        throw AwsException.invalidParameterValue("CIDR block " + text + " is malformed");
      }
      return text.toLowerCase(Locale.ROOT);
    }
    try {
      return Cidr.parse(text).toString();
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("CIDR block " + text + " is malformed");
    }
  }

  /** A prefix list the group may reference: the account's own or one of AWS's of the region. */
  private String prefixList(Scope scope, String id) {
    if (!PrefixListDirectory.exists(state, scope, id)) {
      throw AwsException.badRequest("InvalidPrefixListId.NotFound", "The prefix list ID '" + id + "' does not exist");
    }
    return id;
  }

  private SecurityGroupRecord peer(Scope scope, SecurityGroupRecord group, UserIdGroupPair pair) {
    Scope peerScope = pair.userId() == null || pair.userId().equals(scope.accountId()) ? scope
        : new Scope(pair.userId(), scope.region());
    SecurityGroupRecord peer;
    if (pair.groupId() != null) {
      peer = state.securityGroup(peerScope, pair.groupId());
    } else if (pair.groupName() != null) {
      peer = state.securityGroups().where(peerScope, g -> g.vpcId().equals(group.vpcId()) && g.groupName().equals(pair.groupName()))
          .stream().findFirst().orElseThrow(() -> Ec2Errors.groupNotFound(pair.groupName()));
    } else {
      throw Ec2Errors.required("GroupId");
    }
    if (!peer.vpcId().equals(group.vpcId())) {
      throw AwsException.invalidParameterValue("You have specified two resources that belong to different networks.");
    }
    return peer;
  }
}
