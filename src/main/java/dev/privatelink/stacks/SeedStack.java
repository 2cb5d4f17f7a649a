package dev.privatelink.stacks;

import dev.privatelink.model.Cidr;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * The system of the seed (creating-vpc-endpoints-with-privatelink), made through the AWS SDK for
 * Java v2's client interfaces: a service (nginx on an instance) behind an internal HTTPS ALB behind
 * an internal NLB, published as an endpoint service, and a consumer VPC with the same CIDR that
 * reaches it through an interface endpoint. Applying it again finds every resource and changes
 * nothing. The provider and the consumer may be one account (as in the seed) or two.
 */
public final class SeedStack {
  public static final String VPC_CIDR = "10.0.0.0/16";
  public static final String USER_DATA = "#!/bin/sh\n\nsudo yum install -y nginx.x86_64\nsudo systemctl start nginx\n";
  private static final String KEY_NAME = "privatelink-demo";
  private final java.util.function.Function<String, StackClients> clients;
  private final String providerAccount;
  private final String consumerAccount;
  private final Progress progress;
  private final boolean healthChecks;

  /**
   * @param healthChecks whether a data plane runs health checks (then {@link #apply} also waits for healthy targets)
   */
  public SeedStack(URI endpoint, String providerAccount, String consumerAccount, Progress progress, boolean healthChecks) {
    this(account -> new StackClients(endpoint, account, Region.US_EAST_1), providerAccount, consumerAccount, progress,
        healthChecks);
  }

  /**
   * The stack made with the clients {@code clients} gives for each account (e.g. served in the
   * cloud's own process, where the stack's calls skip HTTP but go to the same actions).
   */
  public SeedStack(java.util.function.Function<String, StackClients> clients, String providerAccount,
      String consumerAccount, Progress progress, boolean healthChecks) {
    this.clients = clients;
    this.healthChecks = healthChecks;
    this.providerAccount = providerAccount;
    this.consumerAccount = consumerAccount;
    this.progress = progress;
  }

  /** Makes (or finds) every resource, waits until the endpoint carries traffic, and returns the outputs. */
  public SeedOutputs apply() {
    try (StackClients provider = clients.apply(providerAccount);
         StackClients consumer = clients.apply(consumerAccount)) {
      Provider service;
      Consumer client;
      // Independent resources are made at once (both VPCs and their children, the certificate next to
      // the load balancers); the lines still come out in the order of the sequential apply.
      try (Steps steps = new Steps(progress)) {
        Started<Provider> provided = provide(steps, provider, consumer.accountId());
        CompletableFuture<Consumer> consumed = consume(steps, consumer, provided);
        service = Steps.get(provided.result());
        client = Steps.get(consumed);
      }
      SeedReadiness.await(provider, consumer, service, client, progress, healthChecks);
      VpcEndpoint endpointNow = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(client.endpointId()))
          .vpcEndpoints().getFirst();
      Instance consumerInstance = consumer.ec2().describeInstances(r -> r.instanceIds(client.instanceId()))
          .reservations().getFirst().instances().getFirst();
      List<String> urls = endpointNow.dnsEntries().stream().map(d -> "https://" + d.dnsName()).toList();
      return new SeedOutputs(consumerInstance.publicIpAddress(), urls, client.instanceId(), service.instanceId(),
          client.endpointId(), service.serviceName(), service.albDnsName(), service.nlbDnsName(), providerAccount,
          consumerAccount);
    }
  }

  record Provider(String vpcId, String instanceId, String albArn, String albDnsName, String nlbArn, String nlbDnsName,
      String albTargetGroupArn, String nlbTargetGroupArn, String serviceId, String serviceName) {}

  record Consumer(String vpcId, String instanceId, String endpointId) {}

  /** The provider's steps, started: its key pair (the consumer's instance uses it in one account) and its outputs. */
  private record Started<T>(CompletableFuture<@Nullable Void> keyPair, CompletableFuture<T> result) {}

  /** An instance's prerequisites, each a started step. */
  private record Placed(CompletableFuture<Network> net, CompletableFuture<String> group) {}

  private Started<Provider> provide(Steps steps, StackClients clients, String consumerAccountId) {
    Placed at = place(steps, clients, "service");
    var group = at.group();
    rules(steps, clients, group, List.of(
        new Rule("aws_vpc_security_group_ingress_rule.service_https", VPC_CIDR, 443, "HTTPS from Service VPC"),
        new Rule("aws_vpc_security_group_ingress_rule.service_http", VPC_CIDR, 80, "HTTP from Service VPC")),
        "aws_vpc_security_group_egress_rule.service_all");
    var key = steps.<@Nullable Void>start(p -> {
      ec2(clients, p).keyPair("aws_key_pair.demo (provider)", KEY_NAME);
      return null;
    });
    var instance = instance(steps, clients, at, key, "aws_instance.service", "PrivateLink Demo Service", USER_DATA);
    var lb = ProviderBalancing.start(steps, clients, at.net(), group, instance);
    var service = steps.start(p -> endpointService(clients, p, Steps.get(lb.nlb()).loadBalancerArn(), consumerAccountId));
    return new Started<>(key, steps.start(p -> {
      Network net = Steps.get(at.net());
      LoadBalancer alb = Steps.get(lb.alb());
      LoadBalancer nlb = Steps.get(lb.nlb());
      ServiceConfiguration s = Steps.get(service);
      Steps.get(lb.done());
      return new Provider(net.vpcId(), Steps.get(instance).instanceId(), alb.loadBalancerArn(), alb.dnsName(),
          nlb.loadBalancerArn(), nlb.dnsName(), Steps.get(lb.albTargetGroup()).targetGroupArn(),
          Steps.get(lb.nlbTargetGroup()).targetGroupArn(), s.serviceId(), s.serviceName());
    }));
  }

  /** The VPC with its network, and a security group in it, as steps. */
  private Placed place(Steps steps, StackClients clients, String name) {
    var net = steps.start(p -> network(p, clients, name));
    var group = steps.start(p -> ec2(clients, p).securityGroup("aws_security_group." + name,
        Steps.get(net).vpcId(), name, "Managed by privatelink-local"));
    return new Placed(net, group);
  }

  record Rule(String address, String cidr, int port, String description) {}

  /** The group's ingress rules and its allow-all egress rule, one step each. */
  private static void rules(Steps steps, StackClients clients, CompletableFuture<String> group, List<Rule> ingress,
      String egressAddress) {
    for (Rule r : ingress) {
      steps.start(p -> {
        ec2(clients, p).ingress(r.address(), Steps.get(group), r.cidr(), r.port(), r.port(), r.description());
        return null;
      });
    }
    steps.start(p -> {
      ec2(clients, p).egressAll(egressAddress, Steps.get(group));
      return null;
    });
  }

  private static CompletableFuture<Instance> instance(Steps steps, StackClients clients, Placed at,
      CompletableFuture<@Nullable Void> key, String address, String name, @Nullable String userData) {
    var image = steps.start(p -> ec2(clients, p).amazonLinux2023());
    return steps.start(p -> {
      Steps.get(key);
      return ec2(clients, p).instance(address, name, Steps.get(image), Steps.get(at.net()).subnetIds().getFirst(),
          Steps.get(at.group()), KEY_NAME, userData);
    });
  }

  private static Ec2Resources ec2(StackClients clients, Progress p) {
    return new Ec2Resources(clients.ec2(), p);
  }

  private static ServiceConfiguration endpointService(StackClients clients, Progress progress, String nlbArn,
      String consumerAccountId) {
    String address = "aws_vpc_endpoint_service.service";
    var ec2 = clients.ec2();
    var found = ec2.describeVpcEndpointServiceConfigurations(r -> r.filters(Ec2Resources.byAddress(address)))
        .serviceConfigurations();
    ServiceConfiguration service;
    if (!found.isEmpty()) {
      service = found.getFirst();
      repairLoadBalancer(clients, progress, address, service, nlbArn);
    } else {
      service = ec2.createVpcEndpointServiceConfiguration(r -> r.acceptanceRequired(false).networkLoadBalancerArns(nlbArn)
          .tagSpecifications(Ec2Resources.tags(ResourceType.VPC_ENDPOINT_SERVICE, address, null))).serviceConfiguration();
      progress.created(address, service.serviceId());
    }
    String principal = "arn:aws:iam::" + consumerAccountId + ":root";
    boolean allowed = ec2.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())).allowedPrincipals()
        .stream().anyMatch(p -> principal.equals(p.principal()));
    String permission = "aws_vpc_endpoint_service_allowed_principal.allowed_aws_accounts";
    if (allowed) {
      progress.found(permission, principal);
    } else {
      ec2.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()).addAllowedPrincipals(principal));
      progress.created(permission, principal);
    }
    return service;
  }

  /** A service whose NLB was replaced out of band names the new one again, as Terraform's next apply would. */
  private static void repairLoadBalancer(StackClients clients, Progress progress, String address,
      ServiceConfiguration service, String nlbArn) {
    List<String> stale = service.networkLoadBalancerArns().stream().filter(a -> !a.equals(nlbArn)).toList();
    if (stale.isEmpty() && service.networkLoadBalancerArns().contains(nlbArn)) {
      progress.found(address, service.serviceId());
      return;
    }
    clients.ec2().modifyVpcEndpointServiceConfiguration(r -> r.serviceId(service.serviceId())
        .addNetworkLoadBalancerArns(nlbArn).removeNetworkLoadBalancerArns(stale));
    progress.changed(address, service.serviceId() + " now uses " + nlbArn);
  }

  private CompletableFuture<Consumer> consume(Steps steps, StackClients clients, Started<Provider> provider) {
    Placed at = place(steps, clients, "consumer");
    rules(steps, clients, at.group(), List.of(
        new Rule("aws_vpc_security_group_ingress_rule.consumer_ssh", "0.0.0.0/0", 22, "SSH from the internet")),
        "aws_vpc_security_group_egress_rule.consumer_all");
    var key = clients.accountId().equals(providerAccount) ? provider.keyPair() : steps.<@Nullable Void>start(p -> {
      ec2(clients, p).keyPair("aws_key_pair.demo (consumer)", KEY_NAME);
      return null;
    });
    var instance = instance(steps, clients, at, key, "aws_instance.consumer", "PrivateLink Demo Consumer", null);
    var plGroup = steps.start(p -> ec2(clients, p).securityGroup("aws_security_group.consumer_privatelink",
        Steps.get(at.net()).vpcId(), "consumer_privatelink", "Managed by privatelink-local"));
    rules(steps, clients, plGroup, List.of(new Rule("aws_vpc_security_group_ingress_rule.consumer_privatelink_https",
        VPC_CIDR, 443, "HTTPS from Consumer VPC")), "aws_vpc_security_group_egress_rule.consumer_privatelink_all");
    var endpointId = steps.start(p -> endpoint(clients, p, Steps.get(at.net()), Steps.get(plGroup),
        Steps.get(provider.result()).serviceName()));
    return steps.start(p -> new Consumer(Steps.get(at.net()).vpcId(), Steps.get(instance).instanceId(),
        Steps.get(endpointId)));
  }

  private static String endpoint(StackClients clients, Progress progress, Network net, String groupId, String serviceName) {
    String address = "aws_vpc_endpoint.consumer_privatelink";
    var found = clients.ec2().describeVpcEndpoints(r -> r.filters(Ec2Resources.byAddress(address),
        Filter.builder().name("vpc-endpoint-state").values("pendingAcceptance", "pending", "available").build())).vpcEndpoints();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().vpcEndpointId());
      return found.getFirst().vpcEndpointId();
    }
    String id = clients.ec2().createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(net.vpcId())
        .serviceName(serviceName).securityGroupIds(groupId).subnetIds(net.subnetIds()).privateDnsEnabled(false)
        .tagSpecifications(Ec2Resources.tags(ResourceType.VPC_ENDPOINT, address, null))).vpcEndpoint().vpcEndpointId();
    progress.created(address, id);
    return id;
  }

  record Network(String vpcId, List<String> subnetIds) {}

  /**
   * The VPC, a subnet per zone (cidrsubnet(cidr, 4, i)), the internet gateway and the route table;
   * the subnets and the gateway at once, as steps of their own.
   */
  private static Network network(Progress progress, StackClients clients, String name) {
    var ec2 = new Ec2Resources(clients.ec2(), progress);
    String vpcId = ec2.vpc("aws_vpc." + name, VPC_CIDR);
    List<AvailabilityZone> zones = clients.ec2().describeAvailabilityZones(r -> r.filters(
        Filter.builder().name("state").values("available").build())).availabilityZones();
    Cidr cidr = Cidr.parse(VPC_CIDR);
    try (Steps inner = new Steps(progress)) {
      List<CompletableFuture<String>> subnets = new ArrayList<>();
      for (int i = 0; i < zones.size(); i++) {
        String address = "aws_subnet." + name + "[" + i + "]";
        String block = cidr.subnet(4, i).toString();
        String zone = zones.get(i).zoneName();
        subnets.add(inner.start(p -> new Ec2Resources(clients.ec2(), p).subnet(address, vpcId, block, zone)));
      }
      var igw = inner.start(p -> new Ec2Resources(clients.ec2(), p).internetGateway("aws_internet_gateway." + name, vpcId));
      List<String> subnetIds = subnets.stream().map(Steps::get).toList();
      Steps.get(inner.start(p -> new Ec2Resources(clients.ec2(), p).routeTable("aws_route_table." + name, vpcId,
          Steps.get(igw), subnetIds)));
      return new Network(vpcId, subnetIds);
    }
  }
}
