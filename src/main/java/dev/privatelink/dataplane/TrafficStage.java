package dev.privatelink.dataplane;

import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.privatelink.EndpointEngine;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The traffic-carrying part of a reconcile, run once the network exists: every VPC's load
 * balancers, then the endpoints (whose ports come from the running NLBs, so they follow them).
 */
final class TrafficStage implements FabricDataPlane.Stage {
  private final LoadBalancerEngine loadBalancers;
  private final EndpointEngine endpoints;
  private final Set<String> vpcsWithLoadBalancers = new HashSet<>();

  TrafficStage(LoadBalancerEngine loadBalancers, EndpointEngine endpoints) {
    this.loadBalancers = loadBalancers;
    this.endpoints = endpoints;
  }

  @Override
  public void prune(HostState state) {
    endpoints.retainOnly(state.endpoints().stream().map(e -> e.endpointId()).collect(java.util.stream.Collectors.toSet()));
  }

  @Override
  public void apply(HostState state) {
    Set<String> seen = new HashSet<>();
    for (VpcSpec vpc : state.vpcs()) {
      seen.add(vpc.vpcId());
      if (!vpc.loadBalancers().isEmpty() || vpcsWithLoadBalancers.contains(vpc.vpcId())) {
        loadBalancers.apply(HostNames.vpcNamespace(vpc.vpcId()), vpc);
      }
    }
    for (String gone : Set.copyOf(vpcsWithLoadBalancers)) {
      if (!seen.contains(gone)) {
        loadBalancers.apply(HostNames.vpcNamespace(gone), List.of());
      }
    }
    vpcsWithLoadBalancers.clear();
    state.vpcs().stream().filter(v -> !v.loadBalancers().isEmpty()).forEach(v -> vpcsWithLoadBalancers.add(v.vpcId()));
    endpoints.apply(state.endpoints());
  }

  @Override
  public void close() {
    endpoints.close();
    loadBalancers.close();
  }
}
