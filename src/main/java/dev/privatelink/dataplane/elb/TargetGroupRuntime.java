package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.LoadBalancerSpec.Node;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A target group as one load balancer runs it: which targets may get new flows or requests (healthy
 * ones, or all when none is healthy), the health checks from each node, the open flows of each
 * target so that draining and deregistration can end them, and the health reports to the sink.
 */
final class TargetGroupRuntime implements AutoCloseable {
  private final Context ctx;
  private final boolean network;
  private final Map<CheckKey, HealthChecker> checkers = new HashMap<>();
  private final Map<TargetKey, TargetHealth> health = new ConcurrentHashMap<>();
  private final Map<TargetKey, Set<Channel>> flows = new ConcurrentHashMap<>();
  private final Map<TargetKey, ScheduledFuture<?>> drainTimers = new HashMap<>();
  private final Map<String, TargetHealth> reported = new HashMap<>();
  private final Map<String, LinkCounters.Counter> counters = new ConcurrentHashMap<>();
  private final AtomicInteger roundRobin = new AtomicInteger();
  private volatile TargetGroupSpec spec;
  private volatile Routing routing;
  private volatile List<Node> nodes = List.of();
  private volatile boolean crossZone;

  /**
   * The spec's targets with their keys, made once per spec version: a pick per request then
   * allocates no key and no iterator.
   */
  private record Routing(TargetGroupSpec spec, List<TargetKey> keys) {
    static Routing of(TargetGroupSpec spec) {
      return new Routing(spec, spec.targets().stream().map(TargetKey::of).toList());
    }
  }

  /** What a target group needs from its load balancer. */
  record Context(Transport transport, String netns, StatusSink sink, HealthTiming timing) {}

  private record CheckKey(String nodeIp, TargetKey target) {}

  TargetGroupRuntime(Context ctx, TargetGroupSpec spec, boolean network) {
    this.ctx = ctx;
    this.spec = spec;
    this.routing = Routing.of(spec);
    this.network = network;
  }

  TargetGroupSpec spec() {
    return spec;
  }

  /** Applies a new version of the group; new flows follow it at once, existing ones stay where they are. */
  synchronized void update(TargetGroupSpec next, List<Node> lbNodes, boolean lbCrossZone) {
    Map<TargetKey, TargetSpec> before = byKey(spec);
    this.spec = next;
    this.routing = Routing.of(next);
    this.nodes = List.copyOf(lbNodes);
    this.crossZone = lbCrossZone || !network;
    Map<TargetKey, TargetSpec> after = byKey(next);
    for (TargetKey k : before.keySet()) {
      if (!after.containsKey(k)) {
        cancelDrain(k);
        closeFlows(k);
        health.remove(k);
      }
    }
    for (TargetSpec t : next.targets()) {
      if (t.draining() && !drainTimers.containsKey(TargetKey.of(t))) {
        TargetKey k = TargetKey.of(t);
        drainTimers.put(k, ctx.transport().group().schedule(() -> closeFlows(k),
            Math.max(0, next.deregistrationDelaySeconds()), TimeUnit.SECONDS));
      } else if (!t.draining()) {
        cancelDrain(TargetKey.of(t));
      }
    }
    List<HealthChecker> added = reconcileCheckers();
    report();
    // Started only once the new targets were reported `initial`: a check that passes at once
    // (fast timing, a local target) must not turn a target healthy before it was ever initial.
    added.forEach(HealthChecker::start);
  }

  /** A target for a new NLB flow from a node in {@code nodeAz}; the same hash keeps choosing the same target. */
  @Nullable TargetSpec pickForFlow(String nodeAz, int hash) {
    return pick(nodeAz, hash);
  }

  /** The next target for an ALB request, round robin. */
  @Nullable TargetSpec pickRoundRobin() {
    return pick(null, roundRobin.getAndIncrement());
  }

  /** Counts one ALB backend request to {@code target}. */
  void countRequest(TargetSpec target) {
    counter(target).request();
  }

  /** The target's link counter, looked up once per target id, not per flow. */
  private LinkCounters.Counter counter(TargetSpec target) {
    LinkCounters.Counter c = counters.get(target.targetId());
    return c != null ? c : counters.computeIfAbsent(target.targetId(), id -> ctx.transport().links().link(spec.arn(), id));
  }

  /** Registers an open flow so that draining or deregistration can close it. */
  void trackFlow(TargetSpec target, Channel flow) {
    counter(target).track(flow);
    TargetKey k = TargetKey.of(target);
    flows.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(flow);
    flow.closeFuture().addListener(f -> {
      Set<Channel> set = flows.get(k);
      if (set != null) {
        set.remove(flow);
      }
    });
  }

  /**
   * The {@code n}th (modulo their number) of the routable targets: the healthy ones the node may use,
   * or all it may use when none is healthy. Counts, then walks, so a request allocates nothing.
   */
  private @Nullable TargetSpec pick(@Nullable String nodeAz, int n) {
    Routing r = routing;
    boolean checksOff = !r.spec().healthCheck().enabled();
    List<TargetSpec> ts = r.spec().targets();
    int candidates = 0;
    int healthy = 0;
    for (int i = 0; i < ts.size(); i++) {
      if (usable(ts.get(i), nodeAz)) {
        candidates++;
        healthy += checksOff || healthy(r.keys().get(i)) ? 1 : 0;
      }
    }
    boolean onlyHealthy = healthy > 0;
    int count = onlyHealthy ? healthy : candidates;
    if (count == 0) {
      return null;
    }
    int skip = Math.floorMod(n, count);
    TargetSpec first = null;
    for (int i = 0; i < ts.size(); i++) {
      TargetSpec t = ts.get(i);
      if (!usable(t, nodeAz) || (onlyHealthy && !checksOff && !healthy(r.keys().get(i)))) {
        continue;
      }
      if (skip-- == 0) {
        return t;
      }
      first = first == null ? t : first;
    }
    return first; // health changed between the two walks (checks run on other threads)
  }

  private boolean usable(TargetSpec t, @Nullable String nodeAz) {
    return !t.draining() && (nodeAz == null || crossZone || nodeAz.equals(t.availabilityZone()));
  }

  private boolean healthy(TargetKey k) {
    TargetHealth h = health.get(k);
    return h != null && h.healthy();
  }

  /** Brings the checkers in line with the spec; returns the new ones, not yet started. */
  private List<HealthChecker> reconcileCheckers() {
    Map<CheckKey, Boolean> wanted = new HashMap<>();
    TargetGroupSpec s = spec;
    if (s.healthCheck().enabled()) {
      for (Node n : nodes) {
        for (TargetSpec t : s.targets()) {
          if (!t.draining() && (crossZone || n.availabilityZone().equals(t.availabilityZone()))) {
            wanted.put(new CheckKey(n.privateIp(), TargetKey.of(t)), true);
          }
        }
      }
    }
    checkers.entrySet().removeIf(e -> {
      if (wanted.containsKey(e.getKey())) {
        e.getValue().reconfigure(s.healthCheck(), s.proxyProtocolV2());
        return false;
      }
      e.getValue().stop();
      return true;
    });
    HealthProbe probe = new HealthProbe(ctx.transport(), ctx.netns());
    List<HealthChecker> added = new ArrayList<>();
    for (CheckKey k : wanted.keySet()) {
      if (!checkers.containsKey(k)) {
        HealthChecker c = new HealthChecker(probe, ctx.transport().group().next(), k.nodeIp(), k.target(),
            ctx.timing(), s.healthCheck(), s.proxyProtocolV2(), h -> onCheck(k.target()));
        checkers.put(k, c);
        added.add(c);
      }
    }
    for (TargetKey t : byKey(s).keySet()) {
      onCheckLocked(t);
    }
    return added;
  }

  private synchronized void onCheck(TargetKey target) {
    onCheckLocked(target);
    report();
  }

  /** An address is healthy when any node finds it healthy: each node checks it from its own IP. */
  private void onCheckLocked(TargetKey target) {
    TargetHealth agg = null;
    for (Map.Entry<CheckKey, HealthChecker> e : checkers.entrySet()) {
      if (e.getKey().target().equals(target)) {
        agg = better(agg, e.getValue().state());
      }
    }
    if (agg == null) {
      health.remove(target);
    } else {
      health.put(target, agg);
    }
  }

  private static TargetHealth better(@Nullable TargetHealth a, TargetHealth b) {
    if (a == null) {
      return b;
    }
    if (a.healthy() || b.healthy()) {
      return TargetHealth.HEALTHY;
    }
    return a.unhealthy() ? a : b;
  }

  /** Reports one state per (target id, port): an ALB target is several node addresses under one id. */
  private void report() {
    Map<String, TargetHealth> now = new HashMap<>();
    Map<String, TargetSpec> first = new HashMap<>();
    for (TargetSpec t : spec.targets()) {
      String id = t.targetId() + "\u0000" + t.port();
      first.putIfAbsent(id, t);
      TargetHealth h = t.draining() ? TargetHealth.DRAINING
          : !spec.healthCheck().enabled() ? TargetHealth.DISABLED
          : health.getOrDefault(TargetKey.of(t), TargetHealth.UNUSED);
      now.merge(id, h, TargetGroupRuntime::mergeReport);
    }
    now.forEach((id, h) -> {
      if (!h.equals(reported.get(id))) {
        reported.put(id, h);
        TargetSpec t = first.get(id);
        ctx.sink().targetHealth(spec.arn(), t.targetId(), t.port(), h.state().toString(), h.reason(), h.description());
      }
    });
  }

  private static TargetHealth mergeReport(TargetHealth a, TargetHealth b) {
    if (a.healthy() || b.healthy()) {
      return TargetHealth.HEALTHY;
    }
    if (a.equals(TargetHealth.UNUSED) || a.equals(TargetHealth.DRAINING)) {
      return b;
    }
    return a;
  }

  private void cancelDrain(TargetKey k) {
    ScheduledFuture<?> f = drainTimers.remove(k);
    if (f != null) {
      f.cancel(false);
    }
  }

  private void closeFlows(TargetKey k) {
    Set<Channel> set = flows.remove(k);
    if (set != null) {
      set.forEach(TcpRelay::reset);
    }
  }

  private static Map<TargetKey, TargetSpec> byKey(TargetGroupSpec s) {
    Map<TargetKey, TargetSpec> m = new HashMap<>();
    s.targets().forEach(t -> m.put(TargetKey.of(t), t));
    return m;
  }

  @Override
  public synchronized void close() {
    checkers.values().forEach(HealthChecker::stop);
    checkers.clear();
    drainTimers.values().forEach(f -> f.cancel(false));
    drainTimers.clear();
    new ArrayList<>(flows.keySet()).forEach(this::closeFlows);
  }
}
