package dev.privatelink.control.privatelink;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.DnsNameState;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceState;

/**
 * An endpoint service as stored in its provider's scope: AWS's {@link ServiceConfiguration}
 * (without tags, which live in Ec2Tags) and its allowed principals, in the order they were added.
 */
record EndpointService(ServiceConfiguration config, String ownerId, List<AllowedPrincipal> principals) {
  EndpointService {
    principals = List.copyOf(principals);
  }

  String id() {
    return config.serviceId();
  }

  String name() {
    return config.serviceName();
  }

  ServiceState state() {
    return config.serviceState();
  }

  String baseDnsName() {
    return config.baseEndpointDnsNames().getFirst();
  }

  /** The private DNS name consumers may use: only once its domain ownership is verified. */
  @Nullable String verifiedPrivateDnsName() {
    var dns = config.privateDnsNameConfiguration();
    return dns != null && DnsNameState.VERIFIED.toString().equals(dns.stateAsString()) ? config.privateDnsName() : null;
  }

  EndpointService with(ServiceConfiguration changed) {
    return new EndpointService(changed, ownerId, principals);
  }

  EndpointService withPrincipals(List<AllowedPrincipal> changed) {
    return new EndpointService(config, ownerId, changed);
  }

  EndpointService withState(ServiceState serviceState) {
    return with(config.toBuilder().serviceState(serviceState).build());
  }
}
