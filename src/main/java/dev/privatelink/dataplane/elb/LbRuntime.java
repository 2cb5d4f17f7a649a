package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.LoadBalancerSpec;

/** A running load balancer of either kind, reconciled in place. */
sealed interface LbRuntime extends AutoCloseable permits NlbRuntime, AlbRuntime {
  /** Applies a new version of the same load balancer. */
  void update(LoadBalancerSpec spec);

  LoadBalancerSpec spec();

  @Override
  void close();
}
