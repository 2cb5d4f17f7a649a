package dev.privatelink.control.privatelink;

import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Network load balancers by scope and ARN, as the ELB feature would report them. */
final class FakeLoadBalancers implements LoadBalancerDirectory {
  private final Map<String, Map.Entry<Scope, NetworkLoadBalancerInfo>> byArn = new HashMap<>();
  private int counter;

  String add(Scope scope, String vpcId, String state, String... zones) {
    String arn = String.format("arn:aws:elasticloadbalancing:%s:%s:loadbalancer/net/nlb%d/%016x",
        scope.region(), scope.accountId(), ++counter, counter);
    byArn.put(arn, Map.entry(scope, new NetworkLoadBalancerInfo(arn, vpcId, List.of(zones), state, List.of(443),
        "internal")));
    return arn;
  }

  @Override
  public Optional<NetworkLoadBalancerInfo> networkLoadBalancer(Scope scope, String arn) {
    var e = byArn.get(arn);
    return e == null || !e.getKey().equals(scope) ? Optional.empty() : Optional.of(e.getValue());
  }
}
