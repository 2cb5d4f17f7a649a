package dev.privatelink.server;

import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.elb.LoadBalancerRecord;
import dev.privatelink.control.elb.TargetGroupRecord;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.control.privatelink.ServiceProjection;
import dev.privatelink.dataplane.LinkCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The console's picture of the cloud at one state version, as the page draws it: accounts, VPCs
 * with their subnets and instances, load balancers with their nodes and target groups (with
 * DescribeTargetHealth's states), endpoint services and interface endpoints with their states.
 * An account sees its own resources, and of another account's only what PrivateLink shows it:
 * the service its endpoint connects to (id, name, state), and the endpoints connected to its
 * services (id, owner, state), as DescribeVpcEndpoints and DescribeVpcEndpointConnections do.
 */
final class ConsolePicture {
  private ConsolePicture() {}

  /** The picture, at {@code version}, of {@code accountId}'s resources, or of every account's when null. */
  static Picture of(Features features, long version, @Nullable String accountId, LinkCounts counts) {
    Predicate<String> mine = account -> accountId == null || accountId.equals(account);
    List<Endpoint> endpoints = new ArrayList<>();
    Set<String> reachedServices = new TreeSet<>();
    for (EndpointProjection e : features.privateLink().endpoints()) {
      if (mine.test(e.accountId())) {
        endpoints.add(new Endpoint(e.endpointId(), e.accountId(), e.state().toString(), e.consumerVpcId(), e.serviceId(),
            e.serviceName(), e.enis().stream().map(n -> new Eni(n.eniId(), n.subnetId(), n.privateIp())).toList()));
        reachedServices.add(e.serviceId());
      } else if (mine.test(e.providerAccountId())) {
        endpoints.add(new Endpoint(e.endpointId(), e.accountId(), e.state().toString(), null, e.serviceId(),
            e.serviceName(), List.of()));
      }
    }
    List<Service> services = new ArrayList<>();
    for (ServiceProjection s : features.privateLink().services()) {
      if (mine.test(s.accountId())) {
        services.add(new Service(s.serviceId(), s.serviceName(), s.accountId(), s.state().toString(), s.networkLoadBalancerArns()));
      } else if (reachedServices.contains(s.serviceId())) {
        services.add(new Service(s.serviceId(), s.serviceName(), s.accountId(), s.state().toString(), List.of()));
      }
    }
    List<Vpc> vpcs = vpcs(features, mine);
    List<LoadBalancer> loadBalancers = loadBalancers(features.elb(), mine);
    Set<String> accounts = new TreeSet<>();
    vpcs.forEach(v -> accounts.add(v.accountId()));
    services.forEach(s -> accounts.add(s.accountId()));
    endpoints.forEach(e -> accounts.add(e.accountId()));
    return new Picture(version, List.copyOf(accounts), vpcs, loadBalancers, services, endpoints,
        links(features, loadBalancers, services, endpoints, counts));
  }

  /** The counts of what crossed each link the picture draws, and nothing of links it does not. */
  static List<Link> links(Features features, List<LoadBalancer> loadBalancers, List<Service> services, List<Endpoint> endpoints,
      LinkCounts counts) {
    Map<String, List<String>> nlbsOf = new HashMap<>();
    features.privateLink().services().forEach(s -> nlbsOf.put(s.serviceId(), s.networkLoadBalancerArns()));
    List<Link> out = new ArrayList<>();
    for (Endpoint e : endpoints) {
      LinkCounts.LinkCount sum = LinkCounts.LinkCount.ZERO;
      for (String arn : nlbsOf.getOrDefault(e.serviceId(), List.of())) {
        LinkCounts.LinkCount c = counts.of(e.endpointId(), arn);
        sum = new LinkCounts.LinkCount(sum.open() + c.open(), sum.flows() + c.flows(), sum.bytes() + c.bytes());
      }
      out.add(Link.of(e.endpointId(), e.serviceId(), sum));
    }
    for (Service s : services) {
      s.networkLoadBalancerArns().forEach(arn -> out.add(Link.of(s.serviceId(), arn, counts.of(LinkCounts.PRIVATELINK, arn))));
    }
    for (LoadBalancer lb : loadBalancers) {
      for (TargetGroup g : lb.targetGroups()) {
        g.targets().forEach(t -> out.add(Link.of(g.arn(), t.id(), counts.of(g.arn(), t.id()))));
      }
    }
    return out;
  }

  /** Every VPC but the default ones that hold nothing (each account has one per region, unused). */
  private static List<Vpc> vpcs(Features features, Predicate<String> mine) {
    Ec2 ec2 = features.ec2();
    List<Vpc> out = new ArrayList<>();
    for (var entry : ec2.vpcs()) {
      var vpc = entry.getValue();
      if (!mine.test(entry.getKey().accountId())) {
        continue;
      }
      Scope scope = entry.getKey();
      List<Instance> instances = ec2.instances().stream().filter(i -> i.getValue().launch().vpcId().equals(vpc.vpcId()))
          .map(i -> new Instance(i.getValue().launch().instanceId(), name(features, i.getKey(), i.getValue().launch().instanceId()),
              i.getValue().launch().subnetId(), i.getValue().launch().privateIp(), i.getValue().state().toString()))
          .toList();
      if (vpc.isDefault() && instances.isEmpty()) {
        continue;
      }
      List<Subnet> subnets = ec2.subnets().stream().map(Map.Entry::getValue).filter(s -> s.vpcId().equals(vpc.vpcId()))
          .map(s -> new Subnet(s.subnetId(), s.cidr().toString(), s.availabilityZone(), s.state().toString())).toList();
      out.add(new Vpc(vpc.vpcId(), name(features, scope, vpc.vpcId()), scope.accountId(), vpc.cidr().toString(), vpc.state().toString(),
          vpc.isDefault(), subnets, instances));
    }
    return out;
  }

  /** The resource's Name tag, or null. */
  private static @Nullable String name(Features features, Scope scope, String resourceId) {
    return features.ec2Tags().map(scope, resourceId).get("Name");
  }

  private static List<LoadBalancer> loadBalancers(Elb elb, Predicate<String> mine) {
    List<LoadBalancer> out = new ArrayList<>();
    for (Map.Entry<Scope, LoadBalancerRecord> e : elb.loadBalancers()) {
      Scope scope = e.getKey();
      LoadBalancerRecord lb = e.getValue();
      if (!mine.test(scope.accountId())) {
        continue;
      }
      List<Node> nodes = lb.nodes().stream().map(n -> new Node(n.zoneName(), n.subnetId(), n.eniId(), n.privateIp())).toList();
      List<TargetGroup> groups = elb.targetGroupsOf(scope, lb.arn()).stream().map(g -> targetGroup(elb, scope, g)).toList();
      out.add(new LoadBalancer(lb.arn(), lb.name(), scope.accountId(), lb.type().toString(), lb.state().toString(),
          lb.vpcId(), nodes, groups));
    }
    return out;
  }

  private static TargetGroup targetGroup(Elb elb, Scope scope, TargetGroupRecord group) {
    List<Target> targets = elb.targetHealthOf(scope, group).stream().map(t -> new Target(t.target().id(),
        t.target().port(), t.targetHealth().stateAsString())).toList();
    return new TargetGroup(group.arn(), group.name(), group.protocol(), group.port(), targets);
  }

  /** The whole picture; {@code version} is the cloud's state version it was read at. */
  record Picture(long version, List<String> accounts, List<Vpc> vpcs, List<LoadBalancer> loadBalancers,
      List<Service> endpointServices, List<Endpoint> endpoints, List<Link> links) {}

  /** What crossed the link the page draws from {@code from} to {@code to}: see {@link LinkCounts}. */
  record Link(String from, String to, long open, long flows, long bytes) {
    static Link of(String from, String to, LinkCounts.LinkCount c) {
      return new Link(from, to, c.open(), c.flows(), c.bytes());
    }
  }

  /** The link counts alone, which the page asks for between pictures: they change without the state. */
  record Counts(long version, List<Link> links) {}

  record Vpc(String vpcId, @Nullable String name, String accountId, String cidr, String state, boolean isDefault, List<Subnet> subnets,
      List<Instance> instances) {}

  record Subnet(String subnetId, String cidr, String availabilityZone, String state) {}

  record Instance(String instanceId, @Nullable String name, String subnetId, String privateIp, String state) {}

  record LoadBalancer(String arn, String name, String accountId, String type, String state, String vpcId,
      List<Node> nodes, List<TargetGroup> targetGroups) {}

  record Node(String availabilityZone, String subnetId, String eniId, String privateIp) {}

  record TargetGroup(String arn, String name, String protocol, @Nullable Integer port, List<Target> targets) {}

  record Target(String id, @Nullable Integer port, String health) {}

  record Service(String serviceId, String serviceName, String accountId, String state, List<String> networkLoadBalancerArns) {}

  /** An interface endpoint; {@code vpcId} and {@code enis} are null and empty when seen from the service's side. */
  record Endpoint(String endpointId, String accountId, String state, @Nullable String vpcId, String serviceId,
      String serviceName, List<Eni> enis) {}

  record Eni(String eniId, String subnetId, String privateIp) {}
}
