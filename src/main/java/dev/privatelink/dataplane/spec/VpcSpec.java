package dev.privatelink.dataplane.spec;

import java.util.List;

/**
 * One VPC: a network namespace acting as its router, with its subnets, security groups, ENIs,
 * instances, load balancers and the DNS records its resolver (at base + 2) answers.
 *
 * @param cidr the VPC's primary IPv4 CIDR, e.g. {@code 10.0.0.0/16}
 */
public record VpcSpec(
    String vpcId,
    String accountId,
    String region,
    String cidr,
    boolean enableDnsSupport,
    boolean enableDnsHostnames,
    List<SubnetSpec> subnets,
    List<SecurityGroupSpec> securityGroups,
    List<EniSpec> enis,
    List<InstanceSpec> instances,
    List<LoadBalancerSpec> loadBalancers,
    List<DnsRecord> dnsRecords) {
  public VpcSpec {
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
    enis = List.copyOf(enis);
    instances = List.copyOf(instances);
    loadBalancers = List.copyOf(loadBalancers);
    dnsRecords = List.copyOf(dnsRecords);
  }
}
