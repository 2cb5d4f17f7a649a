package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.VpcSpec;
import dev.privatelink.model.Cidr;
import dev.privatelink.model.IpProtocol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A VPC's security groups decided in the JVM for a flow that never reaches the kernel (an NLB node
 * handing a flow to an ALB node of the same VPC in memory). It reads the same {@link VpcSpec} rules
 * that {@code fabric.SecurityGroupRules} renders into the router's nftables table and answers as
 * that table does for a new flow: accepted iff the source ENI's egress allows (destination,
 * protocol, port) and the destination ENI's ingress allows (source, protocol, port); an address
 * that is no ENI of the VPC is dropped; a load balancer ENI without groups filters nothing.
 * See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html">security groups</a>.
 */
public final class SecurityGroupFilter {
  /** Nothing is known about the VPC: no flow may skip the kernel. */
  static final SecurityGroupFilter NONE = new SecurityGroupFilter(null, Map.of(), Map.of(), Map.of());

  private final @Nullable Cidr vpcCidr;
  private final Map<String, EniSpec> enis;
  private final Map<String, SecurityGroupSpec> groups;
  private final Map<String, Set<String>> members;

  private SecurityGroupFilter(@Nullable Cidr vpcCidr, Map<String, EniSpec> enis, Map<String, SecurityGroupSpec> groups,
      Map<String, Set<String>> members) {
    this.vpcCidr = vpcCidr;
    this.enis = enis;
    this.groups = groups;
    this.members = members;
  }

  /** The filter of one VPC at the version of its spec. */
  public static SecurityGroupFilter of(VpcSpec vpc) {
    Cidr cidr = Cidr.parse(vpc.cidr());
    Map<String, EniSpec> enis = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    for (EniSpec e : vpc.enis()) {
      if (cidr.contains(e.privateIp())) {
        enis.putIfAbsent(e.privateIp(), e); // nftables keeps the first chain of a duplicated address, too
        e.securityGroupIds().forEach(g -> members.computeIfAbsent(g, k -> new HashSet<>()).add(e.privateIp()));
      }
    }
    Map<String, SecurityGroupSpec> groups = new HashMap<>();
    vpc.securityGroups().forEach(g -> groups.putIfAbsent(g.groupId(), g));
    return new SecurityGroupFilter(cidr, Map.copyOf(enis), Map.copyOf(groups), Map.copyOf(members));
  }

  /** Whether the filter knows the VPC's rules (else the flow must take the kernel's path). */
  boolean known() {
    return vpcCidr != null;
  }

  /** Whether a new flow from {@code source} to {@code destination}:{@code port} over {@code protocol} is accepted. */
  public boolean allows(String source, String destination, IpProtocol protocol, int port) {
    if (vpcCidr == null || !vpcCidr.contains(source)) {
      return false;
    }
    boolean dns = destination.equals(vpcCidr.host(2)) && port == 53
        && (protocol.equals(IpProtocol.TCP) || protocol.equals(IpProtocol.UDP));
    if (dns) {
      return true; // AmazonProvidedDNS is not subject to security groups
    }
    EniSpec from = enis.get(source);
    EniSpec to = enis.get(destination);
    return from != null && to != null
        && side(from, SecurityGroupSpec::egress, destination, protocol, port)
        && side(to, SecurityGroupSpec::ingress, source, protocol, port);
  }

  /**
   * Whether the source ENI's own groups let the flow out: a flow they let out but the destination's
   * groups drop is ACCEPT in the sender's flow log records and REJECT in the receiver's.
   */
  public boolean egressAllows(String source, String destination, IpProtocol protocol, int port) {
    EniSpec from = enis.get(source);
    return from != null && side(from, SecurityGroupSpec::egress, destination, protocol, port);
  }

  private boolean side(EniSpec eni, Function<SecurityGroupSpec, List<SgRule>> rules, String peer, IpProtocol protocol,
      int port) {
    if (eni.securityGroupIds().isEmpty() && eni.kind() == EniSpec.Kind.LOAD_BALANCER) {
      return true;
    }
    for (String id : eni.securityGroupIds()) {
      SecurityGroupSpec g = groups.get(id);
      if (g == null) {
        continue;
      }
      for (SgRule r : rules.apply(g)) {
        if (matches(r, peer, protocol, port)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matches(SgRule rule, String peer, IpProtocol protocol, int port) {
    if (rule.referencedGroupId() != null) {
      if (!members.getOrDefault(rule.referencedGroupId(), Set.of()).contains(peer)) {
        return false;
      }
    } else if (rule.cidr() != null) {
      if (rule.cidr().contains(":")) {
        return false; // an IPv6 rule never matches an IPv4 flow
      }
      Cidr c = Cidr.parse(rule.cidr());
      if (c.prefixLength() > 0 && !c.contains(peer)) {
        return false;
      }
    }
    IpProtocol p = IpProtocol.parse(rule.protocol());
    if (p.equals(IpProtocol.ALL)) {
      return true;
    }
    if (!p.equals(protocol)) {
      return false;
    }
    if (!p.equals(IpProtocol.TCP) && !p.equals(IpProtocol.UDP)) {
      return true;
    }
    boolean allPorts = rule.fromPort() < 0 || (rule.fromPort() == 0 && rule.toPort() >= 65535);
    int last = Math.max(rule.fromPort(), rule.toPort());
    return allPorts || (port >= rule.fromPort() && port <= last);
  }
}
