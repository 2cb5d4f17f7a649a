package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** The target groups of one load balancer, reconciled by ARN, and weighted choice among them. */
final class LoadBalancerTargetGroups implements AutoCloseable {
  private final TargetGroupRuntime.Context ctx;
  private final boolean network;
  private final Map<String, TargetGroupRuntime> byArn = new ConcurrentHashMap<>();

  LoadBalancerTargetGroups(TargetGroupRuntime.Context ctx, boolean network) {
    this.ctx = ctx;
    this.network = network;
  }

  synchronized void update(LoadBalancerSpec lb) {
    Map<String, TargetGroupSpec> wanted = new HashMap<>();
    lb.targetGroups().forEach(tg -> wanted.put(tg.arn(), tg));
    byArn.entrySet().removeIf(e -> {
      if (wanted.containsKey(e.getKey())) {
        return false;
      }
      e.getValue().close();
      return true;
    });
    wanted.forEach((arn, tg) -> byArn.computeIfAbsent(arn, a -> new TargetGroupRuntime(ctx, tg, network))
        .update(tg, lb.nodes(), lb.crossZone()));
  }

  @Nullable TargetGroupRuntime get(String arn) {
    return byArn.get(arn);
  }

  /** Picks one group of a forward action by weight (a zero total weight picks the first). */
  @Nullable TargetGroupRuntime choose(ActionSpec.Forward forward) {
    var groups = forward.targetGroups();
    if (groups.isEmpty()) {
      return null;
    }
    int total = 0;
    for (var g : groups) {
      total += Math.max(0, g.weight());
    }
    if (groups.size() == 1 || total == 0) {
      return byArn.get(groups.get(0).targetGroupArn());
    }
    int r = ThreadLocalRandom.current().nextInt(total);
    for (var g : groups) {
      r -= Math.max(0, g.weight());
      if (r < 0) {
        return byArn.get(g.targetGroupArn());
      }
    }
    return byArn.get(groups.get(groups.size() - 1).targetGroupArn());
  }

  @Override
  public synchronized void close() {
    byArn.values().forEach(TargetGroupRuntime::close);
    byArn.clear();
  }
}
