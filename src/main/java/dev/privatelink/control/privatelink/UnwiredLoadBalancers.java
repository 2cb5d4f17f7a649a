package dev.privatelink.control.privatelink;

import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Scope;
import java.util.Optional;

/**
 * TEMPORARY stand-in until the load balancer feature is merged: the integrator replaces it in
 * Features with the real {@link LoadBalancerDirectory}. Every call fails loudly.
 */
public final class UnwiredLoadBalancers implements LoadBalancerDirectory {
  @Override
  public Optional<NetworkLoadBalancerInfo> networkLoadBalancer(Scope scope, String arn) {
    throw new UnsupportedOperationException("PrivateLink is not wired to the load balancers yet (see Features)");
  }
}
