package dev.privatelink.server;

import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.instance.InstanceRecord;
import dev.privatelink.control.ec2.securitygroup.RuleRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.dataplane.spec.EndpointSpec;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.SubnetSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the data plane's picture of the host out of the control plane's state: every VPC with its
 * subnets, security groups, ENIs, running instances, load balancers and DNS records, and the
 * endpoints whose connection is available. Also says which resources wait on the host.
 */
final class HostProjection {
  private static final Set<String> LIVE_INSTANCE = Set.of("pending", "running");

  private HostProjection() {}

  /** The host picture at {@code version}, the state version {@code features} is at (read under one lock). */
  static HostState hostState(Features features, long version) {
    Ec2 ec2 = features.ec2();
    List<EndpointProjection> endpoints = features.privateLink().endpoints();
    Map<String, String> lbVpc = features.elb().placements().stream()
        .collect(Collectors.toMap(Elb.Placement::arn, Elb.Placement::vpcId, (a, b) -> a));
    List<LoadBalancerSpec> loadBalancers = features.elb().loadBalancerSpecs();
    List<VpcSpec> vpcs = new ArrayList<>();
    for (var entry : ec2.vpcs()) {
      VpcRecord vpc = entry.getValue();
      List<LoadBalancerSpec> inVpc = loadBalancers.stream().filter(lb -> vpc.vpcId().equals(lbVpc.get(lb.arn()))).toList();
      List<InstanceSpec> instances = instances(ec2, vpc.vpcId());
      vpcs.add(new VpcSpec(vpc.vpcId(), entry.getKey().accountId(), entry.getKey().region(), vpc.cidr().toString(),
          vpc.enableDnsSupport(), vpc.enableDnsHostnames(), subnets(ec2, vpc.vpcId()), groups(ec2, vpc.vpcId()),
          enis(ec2, vpc.vpcId(), instances), instances, inVpc,
          HostDns.records(instances, inVpc, endpoints, vpc.vpcId())));
    }
    List<EndpointSpec> bridges = endpoints.stream().filter(EndpointProjection::carried)
        .filter(e -> e.providerVpcId() != null).map(HostProjection::bridge).toList();
    return new HostState(version, vpcs, bridges);
  }

  private static List<SubnetSpec> subnets(Ec2 ec2, String vpcId) {
    return ec2.subnets().stream().map(Map.Entry::getValue).filter(s -> s.vpcId().equals(vpcId))
        .map(s -> new SubnetSpec(s.subnetId(), s.cidr().toString(), s.availabilityZone())).toList();
  }

  private static List<SecurityGroupSpec> groups(Ec2 ec2, String vpcId) {
    return ec2.securityGroups().stream().map(Map.Entry::getValue).filter(g -> g.vpcId().equals(vpcId))
        .map(HostProjection::group).toList();
  }

  private static SecurityGroupSpec group(SecurityGroupRecord g) {
    return new SecurityGroupSpec(g.groupId(), rules(g.ingress()), rules(g.egress()));
  }

  /** IPv4 rules only: the fabric carries no IPv6, and prefix lists name nothing on this host. */
  private static List<SgRule> rules(List<RuleRecord> rules) {
    return rules.stream().filter(r -> r.cidrIpv4() != null || r.referencedGroupId() != null)
        .map(r -> new SgRule(r.protocol(), r.fromPort(), r.toPort(), r.cidrIpv4(), r.referencedGroupId())).toList();
  }

  private static List<InstanceSpec> instances(Ec2 ec2, String vpcId) {
    return ec2.instances().stream().map(Map.Entry::getValue)
        .filter(i -> i.launch().vpcId().equals(vpcId) && LIVE_INSTANCE.contains(i.state()))
        .map(i -> new InstanceSpec(i.instanceId(), i.launch().networkInterfaceId(), i.launch().privateIp(),
            i.launch().privateDnsName(), i.launch().userData() == null ? "" : i.launch().userData()))
        .toList();
  }

  /** Managed ENIs, and the ENIs of instances that run on the host. */
  private static List<EniSpec> enis(Ec2 ec2, String vpcId, List<InstanceSpec> instances) {
    Set<String> running = instances.stream().map(InstanceSpec::eniId).collect(Collectors.toSet());
    List<EniSpec> out = new ArrayList<>();
    for (var e : ec2.networkInterfaces()) {
      NetworkInterfaceRecord eni = e.getValue();
      if (!eni.vpcId().equals(vpcId) || (eni.attachment() != null && !running.contains(eni.networkInterfaceId()))) {
        continue;
      }
      out.add(new EniSpec(eni.networkInterfaceId(), eni.subnetId(), eni.privateIp(), eni.groupIds(), kind(eni),
          Ec2.ownerOf(e.getKey(), eni)));
    }
    return out;
  }

  private static EniSpec.Kind kind(NetworkInterfaceRecord eni) {
    if (eni.attachment() != null) {
      return EniSpec.Kind.INSTANCE;
    }
    return "vpc_endpoint".equals(eni.interfaceType()) ? EniSpec.Kind.VPC_ENDPOINT : EniSpec.Kind.LOAD_BALANCER;
  }

  private static EndpointSpec bridge(EndpointProjection e) {
    List<EniSpec> enis = e.enis().stream().map(n -> new EniSpec(n.eniId(), n.subnetId(), n.privateIp(),
        n.securityGroupIds(), EniSpec.Kind.VPC_ENDPOINT, e.endpointId())).toList();
    List<EndpointSpec.EniAz> zones = e.enis().stream().map(n -> new EndpointSpec.EniAz(n.eniId(), n.availabilityZone())).toList();
    return new EndpointSpec(e.endpointId(), e.consumerVpcId(), e.providerVpcId(), enis, zones, e.networkLoadBalancerArns());
  }

  /** Ids of resources in a transitional state that the host would settle; without a data plane, all settle at once. */
  static List<String> pendingResources(Features features) {
    List<String> out = new ArrayList<>();
    features.ec2().vpcs().stream().map(Map.Entry::getValue).filter(v -> v.state().equals("pending")).forEach(v -> out.add(v.vpcId()));
    features.ec2().subnets().stream().map(Map.Entry::getValue).filter(s -> s.state().equals("pending"))
        .forEach(s -> out.add(s.subnetId()));
    features.ec2().instances().stream().map(Map.Entry::getValue)
        .filter(i -> i.state().equals("pending") || i.state().equals("shutting-down")).forEach(i -> out.add(i.instanceId()));
    features.elb().placements().stream().filter(p -> p.state().equals("provisioning")).forEach(p -> out.add(p.arn()));
    features.privateLink().endpoints().stream().filter(e -> e.state().equals("pending") || e.state().equals("deleting"))
        .forEach(e -> out.add(e.endpointId()));
    return out;
  }

  /**
   * Ids the reconcile loop settles itself once it applied the host picture read together with them:
   * endpoints being deleted (their listeners are gone), pending endpoints whose service has no load
   * balancer left (nothing to listen for), and instances shutting down (their processes and
   * namespace are gone). Pending endpoints with a provider are settled by the endpoint engine,
   * once it listens for them.
   */
  static List<String> settledByHostSync(Features features) {
    List<String> out = new ArrayList<>();
    features.privateLink().endpoints().stream()
        .filter(e -> e.state().equals("deleting") || (e.state().equals("pending") && e.providerVpcId() == null))
        .forEach(e -> out.add(e.endpointId()));
    features.ec2().instances().stream().map(Map.Entry::getValue).filter(i -> i.state().equals("shutting-down"))
        .forEach(i -> out.add(i.instanceId()));
    return out;
  }

  /** Every instance with its account, for {@code privatelink exec} to find one by id or Name tag. */
  static List<Map<String, String>> instanceDirectory(Features features) {
    List<Map<String, String>> out = new ArrayList<>();
    for (var e : features.ec2().instances()) {
      Scope scope = e.getKey();
      InstanceRecord i = e.getValue();
      String name = features.ec2Tags().map(scope, i.instanceId()).getOrDefault("Name", "");
      out.add(Map.of("instanceId", i.instanceId(), "name", name, "accountId", scope.accountId(), "state", i.state(),
          "privateIp", i.launch().privateIp()));
    }
    return out;
  }
}
