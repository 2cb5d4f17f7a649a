package dev.privatelink.control.privatelink;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.ServiceState;

/**
 * An endpoint service as the data plane needs it, with the TXT record that proves its private DNS
 * name ({@code txtRecordName} is the full name: the {@code _…} label under the name's domain).
 *
 * @param privateDnsState pendingVerification, verified or failed; null without a private DNS name
 */
public record ServiceProjection(String serviceId, String serviceName, String accountId, String region, ServiceState state,
    List<String> networkLoadBalancerArns, List<String> availabilityZones, String baseEndpointDnsName,
    @Nullable String privateDnsName, @Nullable String privateDnsState, @Nullable String txtRecordName, @Nullable String txtRecordValue,
    int txtRecordTtl) {
  public ServiceProjection {
    networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
    availabilityZones = List.copyOf(availabilityZones);
  }
}
