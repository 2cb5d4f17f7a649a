package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import dev.privatelink.model.IpProtocol;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Renders a VPC's security groups as the nftables table {@code inet pl_sg} of its router namespace
 * (an {@link SgTable}, loaded whole or as the changes from the last one). A packet from ENI A to
 * ENI B is accepted iff it belongs to a tracked flow, or A's egress rules allow (B, protocol, port)
 * and B's ingress rules allow (A, protocol, port). Dispatch: a map from source address jumps into
 * A's egress chain; any matching egress rule goes to the ingress dispatcher, whose map goes to B's
 * ingress chain; falling off any chain ends in the base chain's drop policy.
 *
 * <p>Hooks: instance to instance crosses FORWARD; instance to managed ENI (or the resolver) arrives
 * on INPUT; managed ENI to instance leaves on OUTPUT; managed to managed loops through OUTPUT and
 * INPUT, and both agree. Anything to an address outside the VPC is dropped: there is no internet
 * here (an internet gateway is a record only), so the router has no default route either.
 */
public final class SecurityGroupRules {
  static final String TABLE = SgTable.TABLE;

  private SecurityGroupRules() {}

  /** The whole script for {@code nft -f -}. */
  public static String render(VpcSpec vpc) {
    return table(vpc).script();
  }

  /** The table {@code vpc}'s security groups make. */
  static SgTable table(VpcSpec vpc) {
    Cidr cidr = Cidr.parse(vpc.cidr());
    Map<String, SecurityGroupSpec> groups = vpc.securityGroups().stream()
        .collect(Collectors.toMap(SecurityGroupSpec::groupId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<EniSpec> enis = vpc.enis().stream().filter(e -> cidr.contains(e.privateIp())).toList();
    Map<String, List<String>> chains = new LinkedHashMap<>();
    Map<String, String> egressOf = new LinkedHashMap<>();
    Map<String, String> ingressOf = new LinkedHashMap<>();
    for (EniSpec eni : enis) {
      String suffix = chainSuffix(eni.privateIp());
      egressOf.putIfAbsent(eni.privateIp(), "eg_" + suffix);
      ingressOf.putIfAbsent(eni.privateIp(), "in_" + suffix);
      chains.computeIfAbsent("eg_" + suffix, k -> new ArrayList<>())
          .addAll(eniRules(eni, groups, SecurityGroupSpec::egress, "daddr", "goto ingress"));
      chains.computeIfAbsent("in_" + suffix, k -> new ArrayList<>())
          .addAll(eniRules(eni, groups, SecurityGroupSpec::ingress, "saddr", "accept"));
    }
    return new SgTable(cidr.toString(), sets(referencedGroups(groups.values()), enis), chains, egressOf, ingressOf);
  }

  private static Set<String> referencedGroups(Iterable<SecurityGroupSpec> groups) {
    Set<String> ids = new LinkedHashSet<>();
    for (SecurityGroupSpec g : groups) {
      for (SgRule r : concat(g.ingress(), g.egress())) {
        if (r.referencedGroupId() != null) {
          ids.add(r.referencedGroupId());
        }
      }
    }
    return ids;
  }

  private static Map<String, List<String>> sets(Set<String> groupIds, List<EniSpec> enis) {
    Map<String, List<String>> sets = new LinkedHashMap<>();
    for (String id : groupIds) {
      sets.put(setName(id), enis.stream().filter(e -> e.securityGroupIds().contains(id))
          .map(EniSpec::privateIp).distinct().toList());
    }
    return sets;
  }

  private static List<String> eniRules(EniSpec eni, Map<String, SecurityGroupSpec> groups,
      Function<SecurityGroupSpec, List<SgRule>> side, String peer, String verdict) {
    List<String> rules = new ArrayList<>();
    if (eni.securityGroupIds().isEmpty() && eni.kind() == EniSpec.Kind.LOAD_BALANCER) {
      // A network load balancer without security groups filters nothing itself, as on AWS.
      rules.add(verdict);
    }
    for (String groupId : eni.securityGroupIds()) {
      SecurityGroupSpec group = groups.get(groupId);
      if (group == null) {
        continue;
      }
      for (SgRule rule : side.apply(group)) {
        String match = match(rule, peer);
        if (match != null) {
          rules.add(match + verdict);
        }
      }
    }
    return rules;
  }

  /** The nft match of one rule ({@code peer} is saddr for ingress, daddr for egress), or null for IPv6 rules. */
  static @Nullable String match(SgRule rule, String peer) {
    StringBuilder m = new StringBuilder();
    if (rule.referencedGroupId() != null) {
      m.append("ip ").append(peer).append(" @").append(setName(rule.referencedGroupId())).append(' ');
    } else if (rule.cidr() != null) {
      if (rule.cidr().contains(":")) {
        return null;
      }
      Cidr c = Cidr.parse(rule.cidr());
      if (c.prefixLength() > 0) {
        m.append("ip ").append(peer).append(' ').append(c).append(' ');
      }
    }
    m.append(protocolMatch(rule));
    return m.toString();
  }

  private static String protocolMatch(SgRule rule) {
    IpProtocol proto = IpProtocol.parse(rule.protocol());
    if (proto.equals(IpProtocol.ALL)) {
      return "";
    }
    StringBuilder m = new StringBuilder("meta l4proto ").append(nftName(proto)).append(' ');
    if (proto.equals(IpProtocol.TCP) || proto.equals(IpProtocol.UDP)) {
      boolean allPorts = rule.fromPort() < 0 || (rule.fromPort() == 0 && rule.toPort() >= 65535);
      if (!allPorts) {
        m.append("th dport ").append(rule.fromPort());
        if (rule.toPort() > rule.fromPort()) {
          m.append('-').append(rule.toPort());
        }
        m.append(' ');
      }
    } else if (proto.equals(IpProtocol.ICMP)) {
      if (rule.fromPort() >= 0) {
        m.append("icmp type ").append(rule.fromPort()).append(' ');
      }
      if (rule.toPort() >= 0) {
        m.append("icmp code ").append(rule.toPort()).append(' ');
      }
    }
    return m.toString();
  }

  /** nft's name for the protocol where it has one (ICMPv6 is {@code ipv6-icmp} there), else its number. */
  private static String nftName(IpProtocol proto) {
    return proto.equals(IpProtocol.ICMPV6) ? "ipv6-icmp" : proto.awsName();
  }

  static String setName(String groupId) {
    return "g_" + groupId.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String chainSuffix(String ip) {
    return ip.replace('.', '_');
  }

  private static List<SgRule> concat(List<SgRule> a, List<SgRule> b) {
    List<SgRule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
