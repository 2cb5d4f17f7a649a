package dev.privatelink.server;

import dev.privatelink.control.Features;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.instance.InstanceRecord;
import dev.privatelink.control.ec2.prefixlist.PrefixListDirectory;
import dev.privatelink.control.ec2.securitygroup.RuleRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.control.privatelink.EndpointState;
import dev.privatelink.dataplane.spec.EndpointSpec;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.FlowCaptureSpec;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.SubnetSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.VpcState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;

/**
 * Reads the data plane's picture of the host out of the control plane's state: every VPC with its
 * subnets, security groups, ENIs, running instances, load balancers and DNS records, and the
 * endpoints whose connection is available. Also says which resources wait on the host. A default
 * VPC is on the host only while it holds an instance, an interface or a load balancer.
 */
final class HostProjection {
  private static final Set<InstanceStateName> LIVE_INSTANCE = EnumSet.of(InstanceStateName.PENDING, InstanceStateName.RUNNING);
  /** A stopped instance keeps its namespace and interface on the host, without processes. */
  private static final Set<InstanceStateName> ON_HOST = EnumSet.of(InstanceStateName.PENDING, InstanceStateName.RUNNING,
      InstanceStateName.STOPPING, InstanceStateName.STOPPED);

  private HostProjection() {}

  /** The host picture at {@code version}, the state version {@code features} is at (read under one lock). */
  static HostState hostState(Features features, long version) {
    Ec2 ec2 = features.ec2();
    List<EndpointProjection> endpoints = features.privateLink().endpoints();
    Map<String, String> lbVpc = features.elb().placements().stream()
        .collect(Collectors.toMap(Elb.Placement::arn, Elb.Placement::vpcId, (a, b) -> a));
    List<LoadBalancerSpec> loadBalancers = LoadBalancerProjection.loadBalancers(features);
    List<VpcSpec> vpcs = new ArrayList<>();
    for (var entry : ec2.vpcs()) {
      VpcRecord vpc = entry.getValue();
      List<LoadBalancerSpec> inVpc = loadBalancers.stream().filter(lb -> vpc.vpcId().equals(lbVpc.get(lb.arn()))).toList();
      List<InstanceSpec> instances = instances(ec2, vpc.vpcId());
      List<EniSpec> enis = enis(ec2, vpc.vpcId(), instances);
      if (vpc.isDefault() && instances.isEmpty() && enis.isEmpty() && inVpc.isEmpty()) {
        continue; // an unused default VPC costs nothing on the host: every account has one per region
      }
      vpcs.add(new VpcSpec(vpc.vpcId(), entry.getKey().accountId(), entry.getKey().region(), vpc.cidr().toString(),
          vpc.enableDnsSupport(), vpc.enableDnsHostnames(), subnets(ec2, vpc.vpcId()), groups(ec2, vpc.vpcId()),
          enis, instances, inVpc,
          HostDns.records(instances, inVpc, endpoints, vpc.vpcId())));
    }
    List<EndpointSpec> bridges = endpoints.stream().filter(EndpointProjection::carried)
        .filter(e -> e.providerVpcId() != null).map(HostProjection::bridge).toList();
    Set<String> onHost = vpcs.stream().map(VpcSpec::vpcId).collect(Collectors.toSet());
    List<FlowCaptureSpec> captures = features.flowLogs().watchedVpcs().entrySet().stream()
        .filter(e -> onHost.contains(e.getKey())).map(e -> new FlowCaptureSpec(e.getKey(), e.getValue())).toList();
    return new HostState(version, vpcs, bridges, captures);
  }

  private static List<SubnetSpec> subnets(Ec2 ec2, String vpcId) {
    return ec2.subnets().stream().map(Map.Entry::getValue).filter(s -> s.vpcId().equals(vpcId))
        .map(s -> new SubnetSpec(s.subnetId(), s.cidr().toString(), s.availabilityZone())).toList();
  }

  private static List<SecurityGroupSpec> groups(Ec2 ec2, String vpcId) {
    return ec2.securityGroups().stream().filter(e -> e.getValue().vpcId().equals(vpcId))
        .map(e -> group(ec2, e.getKey(), e.getValue())).toList();
  }

  private static SecurityGroupSpec group(Ec2 ec2, Scope scope, SecurityGroupRecord g) {
    return new SecurityGroupSpec(g.groupId(), rules(ec2, scope, g.ingress()), rules(ec2, scope, g.egress()));
  }

  /**
   * IPv4 rules only (the fabric carries no IPv6). A rule that references a prefix list becomes one
   * rule per IPv4 CIDR the list holds now, so changing the list changes what the rule lets through.
   */
  private static List<SgRule> rules(Ec2 ec2, Scope scope, List<RuleRecord> rules) {
    List<SgRule> out = new ArrayList<>();
    for (RuleRecord r : rules) {
      if (r.cidrIpv4() != null || r.referencedGroupId() != null) {
        out.add(new SgRule(r.protocol(), r.fromPort(), r.toPort(), r.cidrIpv4(), r.referencedGroupId()));
      } else if (r.prefixListId() != null) {
        PrefixListDirectory.cidrs(ec2.state(), scope, r.prefixListId()).orElse(List.of()).stream()
            .filter(c -> !c.contains(":")).forEach(c -> out.add(new SgRule(r.protocol(), r.fromPort(), r.toPort(), c, null)));
      }
    }
    return out;
  }

  private static List<InstanceSpec> instances(Ec2 ec2, String vpcId) {
    return ec2.instances().stream().map(Map.Entry::getValue)
        .filter(i -> i.launch().vpcId().equals(vpcId) && ON_HOST.contains(i.state()))
        .map(i -> new InstanceSpec(i.instanceId(), i.launch().networkInterfaceId(), i.launch().privateIp(),
            i.launch().privateDnsName(), i.launch().userData() == null ? "" : i.launch().userData(),
            LIVE_INSTANCE.contains(i.state())))
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
      out.add(new EniSpec(eni.networkInterfaceId(), eni.subnetId(), eni.privateIp(), eni.groupIds(), kind(eni.owner()),
          eni.owner().id()));
    }
    return out;
  }

  private static EniSpec.Kind kind(InterfaceOwner owner) {
    return switch (owner) {
      case InterfaceOwner.Instance i -> EniSpec.Kind.INSTANCE;
      case InterfaceOwner.VpcEndpoint v -> EniSpec.Kind.VPC_ENDPOINT;
      case InterfaceOwner.LoadBalancerNode n -> EniSpec.Kind.LOAD_BALANCER;
      // An interface the account made is an address in the VPC router, as a load balancer node's is.
      case InterfaceOwner.Unattached u -> EniSpec.Kind.LOAD_BALANCER;
    };
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
    features.ec2().vpcs().stream().map(Map.Entry::getValue).filter(v -> v.state() == VpcState.PENDING).forEach(v -> out.add(v.vpcId()));
    features.ec2().subnets().stream().map(Map.Entry::getValue).filter(s -> s.state() == SubnetState.PENDING)
        .forEach(s -> out.add(s.subnetId()));
    features.ec2().instances().stream().map(Map.Entry::getValue)
        .filter(i -> List.of(InstanceStateName.PENDING, InstanceStateName.SHUTTING_DOWN, InstanceStateName.STOPPING).contains(i.state())).forEach(i -> out.add(i.instanceId()));
    features.elb().placements().stream().filter(p -> p.state() == LoadBalancerStateEnum.PROVISIONING).forEach(p -> out.add(p.arn()));
    features.privateLink().endpoints().stream().filter(e -> e.state() == EndpointState.PENDING || e.state() == EndpointState.DELETING)
        .forEach(e -> out.add(e.endpointId()));
    return out;
  }

  /**
   * Ids the reconcile loop settles itself once it applied the host picture read together with them:
   * endpoints being deleted (their listeners are gone), pending endpoints whose service has no load
   * balancer left (nothing to listen for), and instances shutting down or stopping (their processes
   * are gone). Pending endpoints with a provider are settled by the endpoint engine, once it listens
   * for them.
   */
  static List<String> settledByHostSync(Features features) {
    List<String> out = new ArrayList<>();
    features.privateLink().endpoints().stream().filter(e -> e.state() == EndpointState.DELETING
        || (e.state() == EndpointState.PENDING && e.providerVpcId() == null))
        .forEach(e -> out.add(e.endpointId()));
    features.ec2().instances().stream().map(Map.Entry::getValue).filter(i -> i.state() == InstanceStateName.SHUTTING_DOWN
        || i.state() == InstanceStateName.STOPPING).forEach(i -> out.add(i.instanceId()));
    return out;
  }

  /** Every instance with its account, for {@code privatelink exec} to find one by id or Name tag. */
  static List<Map<String, String>> instanceDirectory(Features features) {
    List<Map<String, String>> out = new ArrayList<>();
    for (var e : features.ec2().instances()) {
      Scope scope = e.getKey();
      InstanceRecord i = e.getValue();
      String name = features.ec2Tags().map(scope, i.instanceId()).getOrDefault("Name", "");
      out.add(Map.of("instanceId", i.instanceId(), "name", name, "accountId", scope.accountId(), "state", i.state().toString(),
          "privateIp", i.launch().privateIp()));
    }
    return out;
  }
}
