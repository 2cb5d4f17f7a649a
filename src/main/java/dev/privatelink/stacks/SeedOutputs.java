package dev.privatelink.stacks;

import java.util.List;

/**
 * What the seed prints when it is up, as its Terraform outputs: the consumer's public IP and the
 * endpoint's DNS names as {@code https://} URLs (regional first, then one per zone), plus the ids
 * a user needs to look around.
 */
public record SeedOutputs(
    String consumerPublicIp,
    List<String> consumerEndpointDnsNames,
    String consumerInstanceId,
    String serviceInstanceId,
    String vpcEndpointId,
    String endpointServiceName,
    String albDnsName,
    String nlbDnsName,
    String providerAccountId,
    String consumerAccountId) {
  public SeedOutputs {
    consumerEndpointDnsNames = List.copyOf(consumerEndpointDnsNames);
  }
}
