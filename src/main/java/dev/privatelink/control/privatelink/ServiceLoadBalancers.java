package dev.privatelink.control.privatelink;

import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.LoadBalancerDirectory.NetworkLoadBalancerInfo;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;

/**
 * The network load balancers behind a service: each must exist in the provider's own account and
 * region; the service is offered in the zones they have nodes in.
 */
record ServiceLoadBalancers(List<NetworkLoadBalancerInfo> balancers) {
  ServiceLoadBalancers {
    balancers = List.copyOf(balancers);
  }

  /** Looks every ARN up; throws {@code InvalidParameter} for one that is not a network load balancer of the caller. */
  static ServiceLoadBalancers resolve(LoadBalancerDirectory directory, Scope scope, List<String> arns) {
    return new ServiceLoadBalancers(Requests.distinct(arns).stream()
        .map(arn -> directory.networkLoadBalancer(scope, arn).orElseThrow(() -> Errors.invalidParameter(
            "The load balancer '" + arn + "' does not exist or is not a Network Load Balancer in your account")))
        .toList());
  }

  List<String> arns() {
    return balancers.stream().map(NetworkLoadBalancerInfo::arn).toList();
  }

  /** The zones of all the load balancers, sorted, as AWS lists them. */
  List<String> zones() {
    return balancers.stream().flatMap(b -> b.availabilityZones().stream()).distinct().sorted().toList();
  }

  /** The zone ids of {@link #zones()}, from the region's zone table. */
  List<String> zoneIds(Network network, String region) {
    Map<String, String> ids = network.availabilityZones(region).stream()
        .collect(Collectors.toMap(Network.ZoneInfo::zoneName, Network.ZoneInfo::zoneId, (a, b) -> a));
    return zones().stream().map(ids::get).filter(id -> id != null).toList();
  }

  /** True when every load balancer already carries traffic, so the service is usable at once. */
  boolean allActive() {
    return balancers.stream().allMatch(b -> LoadBalancerStateEnum.fromValue(b.state()) == LoadBalancerStateEnum.ACTIVE);
  }
}
