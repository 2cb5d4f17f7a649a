package dev.privatelink.control.privatelink;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An interface endpoint as the data plane needs it: where its ENIs are in the consumer VPC, which
 * names resolve to them, and which load balancers of which provider VPC they lead to. The
 * integrator builds {@code EndpointSpec} (for {@link #carried} endpoints only) and the consumer
 * VPC's DNS records from it: the regional name → every ENI address, each zonal name → the ENI of
 * its zone, and the private DNS name (when not null) → every ENI address.
 *
 * @param state the endpoint's state as on the wire (pendingAcceptance, pending, available, …)
 * @param providerVpcId the VPC of the service's first load balancer, null if it is gone
 * @param privateDnsName the service's private DNS name if the endpoint enables it and it is verified, else null
 */
public record EndpointProjection(String endpointId, String accountId, String region, EndpointState state,
    String consumerVpcId, List<Eni> enis, String regionalDnsName, List<ZonalDnsName> zonalDnsNames,
    String providerAccountId, String serviceId, String serviceName, @Nullable String providerVpcId,
    List<String> networkLoadBalancerArns, boolean privateDnsEnabled, @Nullable String privateDnsName) {
  public EndpointProjection {
    enis = List.copyOf(enis);
    zonalDnsNames = List.copyOf(zonalDnsNames);
    networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
  }

  public boolean available() {
    return state == EndpointState.AVAILABLE;
  }

  /**
   * True while the host must carry the endpoint: once {@code available}, and already while
   * {@code pending} (accepted, being provisioned), so that it turns available only after its
   * listeners and names exist on the host.
   */
  public boolean carried() {
    return state == EndpointState.AVAILABLE || state == EndpointState.PENDING;
  }

  /** One endpoint ENI: its subnet, address, zone and security groups. */
  public record Eni(String eniId, String subnetId, String privateIp, String availabilityZone,
      List<String> securityGroupIds) {
    public Eni {
      securityGroupIds = List.copyOf(securityGroupIds);
    }
  }

  /** The endpoint's DNS name for one zone. */
  public record ZonalDnsName(String availabilityZone, String dnsName) {}
}
