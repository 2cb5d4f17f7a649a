package dev.privatelink.dataplane.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An interface VPC endpoint whose connection is {@code available}: its ENIs in the consumer VPC
 * carry any port the service's NLBs listen on to the NLB node of the same AZ in the provider VPC.
 * Endpoints that are not available do not appear, so they carry nothing.
 */
public record EndpointSpec(
    String endpointId,
    String consumerVpcId,
    @Nullable String providerVpcId,
    List<EniSpec> enis,
    List<EniAz> eniZones,
    List<String> networkLoadBalancerArns) {
  public EndpointSpec {
    enis = List.copyOf(enis);
    eniZones = List.copyOf(eniZones);
    networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
  }

  /** The availability zone of one of the endpoint's ENIs. */
  public record EniAz(String eniId, String availabilityZone) {}
}
