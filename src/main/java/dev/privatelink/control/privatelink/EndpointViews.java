package dev.privatelink.control.privatelink;

import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpAddressType;
import software.amazon.awssdk.services.ec2.model.ServiceState;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointConnection;

/**
 * How endpoints and services look to each side: the consumer's {@link VpcEndpoint}, the provider's
 * {@link VpcEndpointConnection}, and which services a caller may see at all.
 */
final class EndpointViews {
  private final PrivateLinkState state;

  EndpointViews(PrivateLinkState state) {
    this.state = state;
  }

  /** The endpoint as its owner describes it, with its tags and DNS entries. */
  VpcEndpoint endpoint(Scope consumer, Endpoint e) {
    var dns = e.isGateway() ? List.<software.amazon.awssdk.services.ec2.model.DnsEntry>of()
        : EndpointDns.entries(e, e.serviceScope().region(), serviceBase(e),
            state.serviceOf(e).map(EndpointService::verifiedPrivateDnsName).orElse(null));
    return e.endpoint().toBuilder().dnsEntries(dns).tags(state.tags.of(consumer, e.id())).build();
  }

  /** The endpoint as its service's provider sees it; nothing else of the consumer shows. */
  VpcEndpointConnection connection(Endpoint e) {
    List<String> arns = state.serviceOf(e).map(s -> s.config().networkLoadBalancerArns()).orElse(List.of());
    return VpcEndpointConnection.builder().serviceId(e.serviceId()).vpcEndpointId(e.id())
        .vpcEndpointOwner(e.ownerId()).vpcEndpointState(e.state().toString()).creationTimestamp(e.endpoint().creationTimestamp())
        .dnsEntries(EndpointDns.entries(e, e.serviceScope().region(), serviceBase(e), null))
        .networkLoadBalancerArns(arns).ipAddressType(IpAddressType.IPV4)
        .vpcEndpointConnectionId(e.connectionId()).vpcEndpointRegion(e.serviceScope().region()).build();
  }

  /**
   * The services of the caller's region it may connect to: its own, and others' that allow its
   * principal, its account or everyone. Services that failed are not offered.
   */
  List<Map.Entry<Scope, EndpointService>> visibleTo(RequestContext ctx) {
    return state.services.everywhere().stream()
        .filter(e -> e.getKey().region().equals(ctx.region()) && isVisible(ctx, e.getValue()))
        .toList();
  }

  static boolean isVisible(RequestContext ctx, EndpointService service) {
    if (service.state() == ServiceState.FAILED) {
      return false;
    }
    return service.ownerId().equals(ctx.accountId()) || Principals.allows(
        service.principals().stream().map(p -> p.principal()).toList(), ctx.accountId(), ctx.principalArn());
  }

  /** The service's base DNS name, which the endpoint's names end in (AWS services have their own). */
  String serviceBase(Endpoint e) {
    return state.serviceOf(e).filter(s -> AwsServices.isAws(e.serviceScope())).map(EndpointService::baseDnsName)
        .orElseGet(() -> EndpointDns.serviceBaseName(e.serviceScope().region(), e.serviceId()));
  }
}
