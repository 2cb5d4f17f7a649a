package dev.privatelink.control.elb;

import dev.privatelink.control.Scope;
import java.util.List;

/**
 * Who else uses a load balancer: the endpoint services of PrivateLink that name it. AWS refuses
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteLoadBalancer.html">DeleteLoadBalancer</a>
 * while any does.
 */
@FunctionalInterface
public interface LoadBalancerUsers {
  /** The ids of the services that use {@code loadBalancerArn} in {@code scope}, empty when none. */
  List<String> usersOf(Scope scope, String loadBalancerArn);

  LoadBalancerUsers NONE = (scope, arn) -> List.of();
}
