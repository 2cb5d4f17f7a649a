package dev.privatelink.control.privatelink;

import dev.privatelink.control.Scope;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * A VPC endpoint (interface or gateway) as stored in its consumer's scope: AWS's {@link VpcEndpoint} without the
 * parts rendered at Describe time (tags, DNS entries), and what ties it to its service.
 *
 * @param serviceScope the provider's account and region, where the service lives
 * @param dnsLabel the 8 characters that make its DNS names unique
 * @param privateZoneId the hosted zone id shown for the service's private DNS name (null for a gateway endpoint)
 * @param connectionId the provider's id of this connection, {@code vpce-con-…} (null for a gateway endpoint)
 * @param interfaces one managed ENI per subnet, in subnet order
 */
record Endpoint(VpcEndpoint endpoint, Scope serviceScope, String serviceId, String dnsLabel, @Nullable String privateZoneId,
    @Nullable String connectionId, List<EndpointInterface> interfaces) {
  Endpoint {
    interfaces = List.copyOf(interfaces);
  }

  String id() {
    return endpoint.vpcEndpointId();
  }

  EndpointState state() {
    return EndpointState.fromWire(endpoint.stateAsString());
  }

  String ownerId() {
    return endpoint.ownerId();
  }

  /** A gateway endpoint: routes in route tables, no interfaces, no DNS names. */
  boolean isGateway() {
    return endpoint.vpcEndpointType() == VpcEndpointType.GATEWAY;
  }

  Endpoint withState(EndpointState state) {
    return with(endpoint.toBuilder().state(state.toString()).build());
  }

  Endpoint with(VpcEndpoint changed) {
    return new Endpoint(changed, serviceScope, serviceId, dnsLabel, privateZoneId, connectionId, interfaces);
  }

  Endpoint with(VpcEndpoint changed, List<EndpointInterface> changedInterfaces) {
    return new Endpoint(changed, serviceScope, serviceId, dnsLabel, privateZoneId, connectionId, changedInterfaces);
  }

  /** One endpoint network interface: its subnet, address and zone. */
  record EndpointInterface(String networkInterfaceId, String subnetId, String privateIp, String availabilityZone) {}
}
