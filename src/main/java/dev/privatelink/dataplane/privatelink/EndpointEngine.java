package dev.privatelink.dataplane.privatelink;

import dev.privatelink.dataplane.elb.FlowOrigin;
import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EndpointSpec;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries interface endpoints: each endpoint ENI address (in the consumer VPC's namespace) listens
 * on every port its service's NLBs listen on, and hands each connection to the NLB node of the
 * ENI's AZ in the provider VPC (any node when the NLB has none in that AZ), without a second TCP
 * hop. An endpoint that disappears from the list (rejected, deleted) stops listening and resets its
 * open connections. Call {@link #apply} after the load balancers changed too: the ports to listen
 * on come from the running NLBs.
 */
public final class EndpointEngine implements AutoCloseable {
  private final LoadBalancerEngine loadBalancers;
  private final StatusSink sink;
  private final Map<String, EndpointRuntime> running = new HashMap<>();

  public EndpointEngine(LoadBalancerEngine loadBalancers, StatusSink sink) {
    this.loadBalancers = loadBalancers;
    this.sink = sink;
  }

  /** Makes the host carry exactly these endpoints. */
  public synchronized void apply(List<EndpointSpec> endpoints) {
    Map<String, EndpointSpec> wanted = new HashMap<>();
    endpoints.forEach(e -> wanted.put(e.endpointId(), e));
    running.entrySet().removeIf(e -> {
      EndpointSpec w = wanted.get(e.getKey());
      if (w != null && w.consumerVpcId().equals(e.getValue().consumerVpcId())) {
        return false;
      }
      e.getValue().close();
      return true;
    });
    for (EndpointSpec spec : endpoints) {
      EndpointRuntime rt = running.computeIfAbsent(spec.endpointId(),
          id -> new EndpointRuntime(loadBalancers, HostNames.vpcNamespace(spec.consumerVpcId()), spec.consumerVpcId()));
      List<String> failures = rt.update(spec, listenersOf(spec));
      if (failures.isEmpty()) {
        sink.ready(spec.endpointId());
      } else {
        sink.failed(spec.endpointId(), String.join("; ", failures));
      }
    }
  }

  /** Closes (and resets the connections of) every running endpoint not in {@code endpointIds}. */
  public synchronized void retainOnly(java.util.Set<String> endpointIds) {
    running.entrySet().removeIf(e -> {
      if (endpointIds.contains(e.getKey())) {
        return false;
      }
      e.getValue().close();
      return true;
    });
  }

  /** (ENI address, port) → (NLB ARN, AZ): the first NLB of the service that listens on a port takes it. */
  private Map<EndpointRuntime.Key, EndpointRuntime.Target> listenersOf(EndpointSpec spec) {
    Map<String, String> azByEni = new HashMap<>();
    spec.eniZones().forEach(z -> azByEni.put(z.eniId(), z.availabilityZone()));
    Map<EndpointRuntime.Key, EndpointRuntime.Target> out = new HashMap<>();
    for (EniSpec eni : spec.enis()) {
      String az = azByEni.getOrDefault(eni.eniId(), "");
      for (String nlb : spec.networkLoadBalancerArns()) {
        for (int port : loadBalancers.networkLoadBalancerPorts(nlb).orElse(java.util.Set.of())) {
          out.putIfAbsent(new EndpointRuntime.Key(eni.privateIp(), port), new EndpointRuntime.Target(nlb, az));
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    running.values().forEach(EndpointRuntime::close);
    running.clear();
  }

  /** The origin an endpoint flow carries into the NLB (Proxy Protocol v2 sees the ENI as destination). */
  static FlowOrigin origin(io.netty.channel.Channel ch, @Nullable String endpointId) {
    return new FlowOrigin((java.net.InetSocketAddress) ch.remoteAddress(), (java.net.InetSocketAddress) ch.localAddress(),
        endpointId);
  }
}
