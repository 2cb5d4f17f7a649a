package dev.privatelink.control.privatelink;

import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.ConnectionNotification;

/**
 * All PrivateLink state and the two features it leans on. Services live in their provider's scope,
 * endpoints in their consumer's scope, notifications in their creator's scope; a connection is an
 * endpoint seen from its service's side.
 */
final class PrivateLinkState {
  final ScopedTable<EndpointService> services = new ScopedTable<>();
  final ScopedTable<Endpoint> endpoints = new ScopedTable<>();
  final ScopedTable<ConnectionNotification> notifications = new ScopedTable<>();
  final NotificationLog log = new NotificationLog(NotificationLog.DEFAULT_CAPACITY);
  final Ec2Tags tags;
  private final Map<Scope, Map<String, String>> clientTokens = new HashMap<>();
  private final Network network;
  private final LoadBalancerDirectory loadBalancers;

  PrivateLinkState(Ec2Tags tags, Network network, LoadBalancerDirectory loadBalancers) {
    this.tags = tags;
    this.network = network;
    this.loadBalancers = loadBalancers;
  }

  Network network() {
    return network;
  }

  LoadBalancerDirectory loadBalancers() {
    return loadBalancers;
  }

  /** The caller's own service; throws {@code InvalidVpcEndpointServiceId.NotFound}. */
  EndpointService service(Scope scope, String serviceId) {
    return services.find(scope, serviceId).orElseThrow(() -> Errors.serviceNotFound(serviceId));
  }

  /** The caller's own endpoint; throws {@code InvalidVpcEndpointId.NotFound}. */
  Endpoint endpoint(Scope scope, String endpointId) {
    return endpoints.find(scope, endpointId).orElseThrow(() -> Errors.endpointNotFound(endpointId));
  }

  /** A service of any account of the region by name, with its provider's scope. */
  Optional<Map.Entry<Scope, EndpointService>> serviceNamed(String region, String serviceName) {
    return services.everywhere().stream()
        .filter(e -> e.getKey().region().equals(region) && e.getValue().name().equals(serviceName)).findFirst();
  }

  /**
   * A service an interface endpoint may connect to, by name, with its provider's scope: an
   * endpoint service of any account of the region, or one of AWS's services there.
   */
  Optional<Map.Entry<Scope, EndpointService>> interfaceServiceNamed(String region, String serviceName) {
    return serviceNamed(region, serviceName).or(() -> awsInterfaceService(region, serviceName)
        .map(s -> Map.entry(AwsServices.scope(region), s)));
  }

  private Optional<EndpointService> awsInterfaceService(String region, String serviceName) {
    return AwsServices.named(region, serviceName)
        .map(s -> AwsServices.asInterfaceService(s, region, network.availabilityZones(region)));
  }

  /** The service an endpoint connects to, if it still exists (AWS's services always do). */
  Optional<EndpointService> serviceOf(Endpoint endpoint) {
    if (AwsServices.isAws(endpoint.serviceScope())) {
      return endpoint.isGateway() ? Optional.empty()
          : awsInterfaceService(endpoint.serviceScope().region(), endpoint.endpoint().serviceName());
    }
    return services.find(endpoint.serviceScope(), endpoint.serviceId());
  }

  /** Every endpoint, in any account, connected to the given service: the service's connections. */
  List<Map.Entry<Scope, Endpoint>> connectionsOf(Scope serviceScope, String serviceId) {
    return endpoints.everywhere().stream()
        .filter(e -> e.getValue().serviceScope().equals(serviceScope) && e.getValue().serviceId().equals(serviceId))
        .toList();
  }

  /** The ids of the services of {@code scope} that name the network load balancer {@code arn}. */
  List<String> servicesUsing(Scope scope, String arn) {
    return services.where(scope, s -> s.config().networkLoadBalancerArns().contains(arn)).stream()
        .map(EndpointService::id).toList();
  }

  /**
   * Throws {@code InvalidParameter} when a service other than {@code self} already uses one of
   * {@code arns}: AWS allows one endpoint service per load balancer.
   */
  void rejectBalancersTaken(Scope scope, @Nullable String self, List<String> arns) {
    for (String arn : arns) {
      for (String other : servicesUsing(scope, arn)) {
        if (!other.equals(self)) {
          throw Errors.invalidParameter("The load balancer '" + arn
              + "' is already associated with another VPC Endpoint Service: " + other);
        }
      }
    }
  }

  /** The resource id an earlier call with the same client token made, if any. */
  Optional<String> idForToken(Scope scope, String kind, String clientToken) {
    if (clientToken == null || clientToken.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(clientTokens.getOrDefault(scope, Map.of()).get(kind + ":" + clientToken));
  }

  void rememberToken(Scope scope, String kind, String clientToken, String id) {
    if (clientToken != null && !clientToken.isEmpty()) {
      clientTokens.computeIfAbsent(scope, s -> new HashMap<>()).put(kind + ":" + clientToken, id);
    }
  }
}
