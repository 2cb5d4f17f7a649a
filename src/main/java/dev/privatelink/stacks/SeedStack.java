package dev.privatelink.stacks;

import dev.privatelink.model.Cidr;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * Java v2 against an endpoint: a service (nginx on an instance) behind an internal HTTPS ALB behind
 * an internal NLB, published as an endpoint service, and a consumer VPC with the same CIDR that
 * reaches it through an interface endpoint. Applying it again finds every resource and changes
 * nothing. The provider and the consumer may be one account (as in the seed) or two.
 */
public final class SeedStack {
  public static final String VPC_CIDR = "10.0.0.0/16";
  public static final String USER_DATA = "#!/bin/sh\n\nsudo yum install -y nginx.x86_64\nsudo systemctl start nginx\n";
  private static final String KEY_NAME = "privatelink-demo";
  private final URI endpoint;
  private final String providerAccount;
  private final String consumerAccount;
  private final Progress progress;
  private final boolean healthChecks;

  /**
   * @param healthChecks whether a data plane runs health checks (then {@link #apply} also waits for healthy targets)
   */
  public SeedStack(URI endpoint, String providerAccount, String consumerAccount, Progress progress, boolean healthChecks) {
    this.endpoint = endpoint;
    this.healthChecks = healthChecks;
    this.providerAccount = providerAccount;
    this.consumerAccount = consumerAccount;
    this.progress = progress;
  }

  /** Makes (or finds) every resource, waits until the endpoint carries traffic, and returns the outputs. */
  public SeedOutputs apply() {
    try (StackClients provider = new StackClients(endpoint, providerAccount, Region.US_EAST_1);
         StackClients consumer = new StackClients(endpoint, consumerAccount, Region.US_EAST_1)) {
      Provider service = provide(provider, consumer.accountId());
      Consumer client = consume(consumer, service.serviceName());
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

  private Provider provide(StackClients clients, String consumerAccountId) {
    var ec2 = new Ec2Resources(clients.ec2(), progress);
    Network net = network(ec2, clients, "service");
    String sg = ec2.securityGroup("aws_security_group.service", net.vpcId(), "service", "Managed by privatelink-local");
    ec2.ingress("aws_vpc_security_group_ingress_rule.service_https", sg, VPC_CIDR, 443, 443, "HTTPS from Service VPC");
    ec2.ingress("aws_vpc_security_group_ingress_rule.service_http", sg, VPC_CIDR, 80, 80, "HTTP from Service VPC");
    ec2.egressAll("aws_vpc_security_group_egress_rule.service_all", sg);
    ec2.keyPair("aws_key_pair.demo (provider)", KEY_NAME);
    Instance instance = ec2.instance("aws_instance.service", "PrivateLink Demo Service", ec2.amazonLinux2023(),
        net.subnetIds().getFirst(), sg, KEY_NAME, USER_DATA);

    var lb = new LoadBalancing(clients.elb(), clients.acm(), progress);
    LoadBalancer alb = lb.loadBalancer("aws_lb.service_alb", "service-alb", "application", net.subnetIds(), List.of(sg));
    var albTg = lb.targetGroup("aws_lb_target_group.service_alb", "service", "HTTP", 80, "instance", net.vpcId(), false);
    lb.register("aws_lb_target_group_attachment.service_alb", albTg.targetGroupArn(), instance.instanceId(), 80);
    String cert = lb.certificate("aws_acm_certificate.service", alb.dnsName());
    lb.listener("aws_lb_listener.service_alb", alb.loadBalancerArn(), 443, "HTTPS", cert, "ELBSecurityPolicy-2016-08",
        albTg.targetGroupArn());

    LoadBalancer nlb = lb.loadBalancer("aws_lb.service_nlb", "service-nlb", "network", net.subnetIds(), List.of());
    lb.crossZone(nlb.loadBalancerArn(), false);
    var nlbTg = lb.targetGroup("aws_lb_target_group.service_nlb", "service-nlb", "TCP", 443, "alb", net.vpcId(), true);
    lb.listener("aws_lb_listener.service_nlb", nlb.loadBalancerArn(), 443, "TCP", null, null, nlbTg.targetGroupArn());
    lb.register("aws_lb_target_group_attachment.service_nlb", nlbTg.targetGroupArn(), alb.loadBalancerArn(), 443);

    ServiceConfiguration service = endpointService(clients, nlb.loadBalancerArn(), consumerAccountId);
    return new Provider(net.vpcId(), instance.instanceId(), alb.loadBalancerArn(), alb.dnsName(), nlb.loadBalancerArn(),
        nlb.dnsName(), albTg.targetGroupArn(), nlbTg.targetGroupArn(), service.serviceId(), service.serviceName());
  }

  private ServiceConfiguration endpointService(StackClients clients, String nlbArn, String consumerAccountId) {
    String address = "aws_vpc_endpoint_service.service";
    var ec2 = clients.ec2();
    var found = ec2.describeVpcEndpointServiceConfigurations(r -> r.filters(Ec2Resources.byAddress(address)))
        .serviceConfigurations();
    ServiceConfiguration service;
    if (!found.isEmpty()) {
      service = found.getFirst();
      repairLoadBalancer(clients, address, service, nlbArn);
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
  private void repairLoadBalancer(StackClients clients, String address, ServiceConfiguration service, String nlbArn) {
    List<String> stale = service.networkLoadBalancerArns().stream().filter(a -> !a.equals(nlbArn)).toList();
    if (stale.isEmpty() && service.networkLoadBalancerArns().contains(nlbArn)) {
      progress.found(address, service.serviceId());
      return;
    }
    clients.ec2().modifyVpcEndpointServiceConfiguration(r -> r.serviceId(service.serviceId())
        .addNetworkLoadBalancerArns(nlbArn).removeNetworkLoadBalancerArns(stale));
    progress.changed(address, service.serviceId() + " now uses " + nlbArn);
  }

  private Consumer consume(StackClients clients, String serviceName) {
    var ec2 = new Ec2Resources(clients.ec2(), progress);
    Network net = network(ec2, clients, "consumer");
    String sg = ec2.securityGroup("aws_security_group.consumer", net.vpcId(), "consumer", "Managed by privatelink-local");
    ec2.ingress("aws_vpc_security_group_ingress_rule.consumer_ssh", sg, "0.0.0.0/0", 22, 22, "SSH from the internet");
    ec2.egressAll("aws_vpc_security_group_egress_rule.consumer_all", sg);
    if (!clients.accountId().equals(providerAccount)) {
      ec2.keyPair("aws_key_pair.demo (consumer)", KEY_NAME);
    }
    Instance instance = ec2.instance("aws_instance.consumer", "PrivateLink Demo Consumer", ec2.amazonLinux2023(),
        net.subnetIds().getFirst(), sg, KEY_NAME, null);
    String plSg = ec2.securityGroup("aws_security_group.consumer_privatelink", net.vpcId(), "consumer_privatelink",
        "Managed by privatelink-local");
    ec2.ingress("aws_vpc_security_group_ingress_rule.consumer_privatelink_https", plSg, VPC_CIDR, 443, 443,
        "HTTPS from Consumer VPC");
    ec2.egressAll("aws_vpc_security_group_egress_rule.consumer_privatelink_all", plSg);
    String endpointId = endpoint(clients, net, plSg, serviceName);
    return new Consumer(net.vpcId(), instance.instanceId(), endpointId);
  }

  private String endpoint(StackClients clients, Network net, String groupId, String serviceName) {
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

  /** The VPC, a subnet per zone (cidrsubnet(cidr, 4, i)), the internet gateway and the route table. */
  private Network network(Ec2Resources ec2, StackClients clients, String name) {
    String vpcId = ec2.vpc("aws_vpc." + name, VPC_CIDR);
    List<AvailabilityZone> zones = clients.ec2().describeAvailabilityZones(r -> r.filters(
        Filter.builder().name("state").values("available").build())).availabilityZones();
    List<String> subnets = new ArrayList<>();
    Cidr cidr = Cidr.parse(VPC_CIDR);
    for (int i = 0; i < zones.size(); i++) {
      subnets.add(ec2.subnet("aws_subnet." + name + "[" + i + "]", vpcId, cidr.subnet(4, i).toString(), zones.get(i).zoneName()));
    }
    String igw = ec2.internetGateway("aws_internet_gateway." + name, vpcId);
    ec2.routeTable("aws_route_table." + name, vpcId, igw, subnets);
    return new Network(vpcId, subnets);
  }
}
