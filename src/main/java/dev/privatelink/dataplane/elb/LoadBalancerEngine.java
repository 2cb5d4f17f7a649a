package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import io.netty.channel.Channel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs every load balancer of every VPC. {@link #apply} reconciles one VPC's load balancers and is
 * idempotent: unchanged listeners keep running with their connections, removed ones close, and
 * changed target lists and rules take effect for new flows and requests. Status goes to the sink:
 * {@code ready}/{@code failed} per load balancer ARN, {@code targetHealth} per target.
 * Thread safe; {@link #apply} calls for different VPCs may run concurrently.
 */
public final class LoadBalancerEngine implements AutoCloseable {
  private final Transport transport;
  private final StatusSink sink;
  private final HealthTiming timing;
  private final FlowObserver observer;
  private final Map<String, Map<String, LbRuntime>> byVpc = new ConcurrentHashMap<>();
  private final Map<String, NlbRuntime> nlbByArn = new ConcurrentHashMap<>();

  /** @param threads event loop threads shared by all load balancers and endpoints (one per core) */
  public LoadBalancerEngine(Namespaces namespaces, StatusSink sink, HealthTiming timing, int threads) {
    this(namespaces, sink, timing, threads, FlowObserver.NONE);
  }

  /** @param observer sees the flows the engine carries in memory, which no nftables rule counts */
  public LoadBalancerEngine(Namespaces namespaces, StatusSink sink, HealthTiming timing, int threads,
      FlowObserver observer) {
    this.transport = new Transport(namespaces, threads);
    this.sink = sink;
    this.timing = timing;
    this.observer = observer;
  }

  /** One event loop thread per available processor. */
  public LoadBalancerEngine(Namespaces namespaces, StatusSink sink, HealthTiming timing) {
    this(namespaces, sink, timing, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Makes {@code vpcNamespace} run exactly these load balancers. Without the VPC's security groups
   * the engine cannot decide them itself, so every hop between its nodes goes through the kernel.
   */
  public void apply(String vpcNamespace, List<LoadBalancerSpec> loadBalancers) {
    apply(vpcNamespace, loadBalancers, SecurityGroupFilter.NONE);
  }

  /**
   * Makes the VPC's namespace run its load balancers; an NLB node hands its flows to an {@code alb}
   * target of the same VPC in memory, deciding the VPC's security groups as its nftables would.
   */
  public void apply(String vpcNamespace, VpcSpec vpc) {
    apply(vpcNamespace, vpc.loadBalancers(), SecurityGroupFilter.of(vpc));
  }

  private void apply(String vpcNamespace, List<LoadBalancerSpec> loadBalancers, SecurityGroupFilter filter) {
    Map<String, LbRuntime> running = byVpc.computeIfAbsent(vpcNamespace, k -> new HashMap<>());
    synchronized (running) {
      Map<String, LoadBalancerSpec> wanted = new HashMap<>();
      loadBalancers.forEach(lb -> wanted.put(lb.arn(), lb));
      running.entrySet().removeIf(e -> {
        LoadBalancerSpec w = wanted.get(e.getKey());
        if (w != null && w.type().equals(e.getValue().spec().type())) {
          return false;
        }
        nlbByArn.remove(e.getKey());
        e.getValue().close();
        return true;
      });
      for (LoadBalancerSpec lb : applicationFirst(loadBalancers)) {
        LbRuntime rt = running.computeIfAbsent(lb.arn(), a -> create(vpcNamespace, lb));
        rt.update(lb);
      }
      AlbHandoff.View view = AlbHandoff.View.of(List.copyOf(running.values()), filter, observer.in(vpcNamespace));
      running.values().forEach(rt -> {
        if (rt instanceof NlbRuntime n) {
          n.handoffView(view);
        }
      });
    }
  }

  /**
   * The ALBs before the NLBs: an NLB checks its {@code alb} targets from the moment it is updated,
   * and a check that finds no listener yet is a failure, so an NLB updated first would see a new
   * ALB fail (and turn it unhealthy) while the ALB is still building its TLS contexts.
   */
  private static List<LoadBalancerSpec> applicationFirst(List<LoadBalancerSpec> loadBalancers) {
    return loadBalancers.stream().sorted(Comparator.comparing(lb -> lb.type().equalsIgnoreCase("network"))).toList();
  }

  private LbRuntime create(String netns, LoadBalancerSpec lb) {
    if (lb.type().equalsIgnoreCase("network")) {
      NlbRuntime n = new NlbRuntime(transport, netns, sink, timing, lb);
      nlbByArn.put(lb.arn(), n);
      return n;
    }
    return new AlbRuntime(transport, netns, sink, timing, lb);
  }

  /**
   * Loads OpenSSL in the background, so that the first HTTPS listener of a stack is not the one to
   * pay for it (see {@link Warmup}).
   */
  public void warmUp() {
    Warmup.start();
  }

  /** The ports a running NLB listens on, or empty when no such NLB runs. */
  public Optional<Set<Integer>> networkLoadBalancerPorts(String nlbArn) {
    NlbRuntime n = nlbByArn.get(nlbArn);
    return n == null ? Optional.empty() : Optional.of(Set.copyOf(n.ports()));
  }

  /**
   * Hands an accepted client connection (auto-read off, registered on {@link #transport()}'s loops)
   * to the node of {@code nlbArn} in {@code availabilityZone} (any node if it has none there), as
   * if the client had connected to that node: no second TCP hop. The listener is the one on
   * {@code origin.destination()}'s port. Returns false, and resets the connection, when no such
   * NLB runs.
   */
  public boolean handOff(String nlbArn, String availabilityZone, Channel client, FlowOrigin origin) {
    NlbRuntime n = nlbByArn.get(nlbArn);
    if (n == null) {
      TcpRelay.reset(client);
      return false;
    }
    n.handOff(availabilityZone, client, origin);
    return true;
  }

  /** What the load balancers and endpoints on this engine carried, per link. */
  public LinkCounters linkCounters() {
    return transport.links();
  }

  /** The shared event loops and namespace-aware channel factories, for PrivateLink's listeners. */
  public Transport transport() {
    return transport;
  }

  /** Ends a flow with a TCP reset on both of its sockets, as an NLB does. */
  public static void reset(Channel flow) {
    TcpRelay.reset(flow);
  }

  @Override
  public void close() {
    byVpc.values().forEach(m -> {
      synchronized (m) {
        m.values().forEach(LbRuntime::close);
        m.clear();
      }
    });
    nlbByArn.clear();
    transport.close();
  }
}
