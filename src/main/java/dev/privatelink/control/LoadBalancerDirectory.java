package dev.privatelink.control;

import java.util.List;
import java.util.Optional;

/**
 * What PrivateLink needs of the load balancers: a network load balancer by ARN, with its VPC, the
 * zones it has nodes in, its state and its listener ports. The ELB feature implements it.
 */
public interface LoadBalancerDirectory {
  Optional<NetworkLoadBalancerInfo> networkLoadBalancer(Scope scope, String arn);

  /**
   * A network load balancer as PrivateLink sees it.
   *
   * @param state AWS's load balancer state code: provisioning, active, failed …
   */
  record NetworkLoadBalancerInfo(String arn, String vpcId, List<String> availabilityZones, String state,
      List<Integer> listenerPorts, String scheme) {}
}
