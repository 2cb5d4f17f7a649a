package dev.privatelink.control.reachability;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.elb.LoadBalancerRecord;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.control.privatelink.EndpointState;
import dev.privatelink.control.privatelink.PrivateLink;
import dev.privatelink.control.privatelink.ServiceProjection;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.ServiceState;

/**
 * The PrivateLink part of a path: from an endpoint network interface to the endpoint (which
 * carries traffic only once its connection is accepted and available), its endpoint service, and
 * the node of the service's network load balancer in the interface's zone.
 */
final class EndpointLeg {
  private final LoadBalancerLeg loadBalancers;
  private final Elb elb;
  private final PrivateLink privateLink;

  EndpointLeg(LoadBalancerLeg loadBalancers, Elb elb, PrivateLink privateLink) {
    this.loadBalancers = loadBalancers;
    this.elb = elb;
    this.privateLink = privateLink;
  }

  void follow(Walk walk, Scope scope, String endpointId, NetworkInterfaceRecord eni, Flow flow) {
    Optional<EndpointProjection> found = privateLink.endpoints().stream()
        .filter(e -> e.endpointId().equals(endpointId) && e.accountId().equals(scope.accountId())).findFirst();
    if (found.isEmpty()) {
      walk.block(ExplanationCode.UNKNOWN_DESTINATION, e -> e.address(flow.destinationIp()));
      return;
    }
    EndpointProjection endpoint = found.get();
    walk.hop(scope.accountId(), endpointId, b -> b.serviceName(endpoint.serviceName()));
    if (endpoint.state() != EndpointState.AVAILABLE) {
      walk.block(ExplanationCode.BAD_STATE, e -> e.vpcEndpoint(Walk.component(walk.region(), scope.accountId(), endpointId))
          .state(endpoint.state().toString()));
      return;
    }
    Scope provider = new Scope(endpoint.providerAccountId(), endpoint.region());
    Optional<ServiceProjection> service = privateLink.services().stream()
        .filter(s -> s.serviceId().equals(endpoint.serviceId())).findFirst();
    walk.hop(provider.accountId(), endpoint.serviceId(), b -> b.serviceName(endpoint.serviceName()));
    if (service.isEmpty() || service.get().state() != ServiceState.AVAILABLE) {
      String state = service.map(s -> s.state().toString()).orElse("Deleted");
      walk.block(ExplanationCode.BAD_STATE, e -> e.component(Walk.component(walk.region(), provider.accountId(),
          endpoint.serviceId())).state(state));
      return;
    }
    toLoadBalancer(walk, provider, endpoint, eni, flow);
  }

  /** The service's network load balancer node in the endpoint interface's zone carries the flow on. */
  private void toLoadBalancer(Walk walk, Scope provider, EndpointProjection endpoint, NetworkInterfaceRecord eni, Flow flow) {
    for (String arn : endpoint.networkLoadBalancerArns()) {
      Optional<LoadBalancerRecord> lb = elb.loadBalancer(provider, arn);
      Optional<LoadBalancerRecord.Node> node = lb.stream().flatMap(l -> l.nodes().stream())
          .filter(n -> n.zoneName().equals(eni.availabilityZone())).findFirst();
      if (node.isPresent()) {
        loadBalancers.enterNode(walk, provider, lb.get(), node.get(), flow.from(flow.sourceIp(), flow.sourceGroups(),
            node.get().privateIp(), flow.destinationPort()));
        return;
      }
    }
    walk.block(ExplanationCode.VPCE_SERVICE_NOT_INSTALLED_IN_AZ, e -> e
        .vpcEndpoint(Walk.component(walk.region(), endpoint.accountId(), endpoint.endpointId()))
        .availabilityZones(eni.availabilityZone()));
  }
}
