package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * All ELBv2 state of the cloud, shared by the ELB handlers: load balancers, target groups,
 * listeners, rules, registered targets (by target group ARN) and tags (by resource ARN), each per
 * account and region. Look-ups throw the NotFound error AWS names for the kind.
 */
final class ElbState {
  final ScopedTable<LoadBalancerRecord> loadBalancers = new ScopedTable<>();
  final ScopedTable<TargetGroupRecord> targetGroups = new ScopedTable<>();
  final ScopedTable<ListenerRecord> listeners = new ScopedTable<>();
  final ScopedTable<ListenerRuleRecord> rules = new ScopedTable<>();
  final ScopedTable<List<RegisteredTarget>> targets = new ScopedTable<>();
  final ScopedTable<Map<String, String>> tags = new ScopedTable<>();
  /** Why the host could not make a load balancer now {@code failed}: its state's reason. */
  final ScopedTable<String> failureReasons = new ScopedTable<>();
  /** Capacity reservations by load balancer ARN (see {@link CapacityReservations}). */
  final ScopedTable<CapacityReservations.Reservation> capacityReservations = new ScopedTable<>();

  LoadBalancerRecord loadBalancer(Scope scope, String arn) {
    return loadBalancers.find(scope, arn).orElseThrow(() -> ElbErrors.loadBalancerNotFound(arn));
  }

  TargetGroupRecord targetGroup(Scope scope, String arn) {
    return targetGroups.find(scope, arn).orElseThrow(() -> ElbErrors.targetGroupNotFound(arn));
  }

  ListenerRecord listener(Scope scope, String arn) {
    return listeners.find(scope, arn).orElseThrow(() -> ElbErrors.listenerNotFound(arn));
  }

  ListenerRuleRecord rule(Scope scope, String arn) {
    return rules.find(scope, arn).orElseThrow(() -> ElbErrors.ruleNotFound(arn));
  }

  /** The listener whose default rule has this ARN: default rules are not stored as rules. */
  Optional<ListenerRecord> listenerOfDefaultRule(Scope scope, String ruleArn) {
    return listeners.where(scope, l -> l.defaultRuleArn().equals(ruleArn)).stream().findFirst();
  }

  /**
   * The resources with these names, in request order (ELBv2 compares names ignoring case); a name
   * no resource has is {@code notFound}'s error. For DescribeLoadBalancers and DescribeTargetGroups.
   */
  static <T> List<T> named(List<T> all, List<String> names, Function<T, String> name, Function<String, AwsException> notFound) {
    return names.stream().map(n -> all.stream().filter(r -> name.apply(r).equalsIgnoreCase(n)).findFirst()
        .orElseThrow(() -> notFound.apply(n))).toList();
  }

  List<ListenerRecord> listenersOf(Scope scope, String loadBalancerArn) {
    return listeners.where(scope, l -> l.loadBalancerArn().equals(loadBalancerArn));
  }

  List<ListenerRuleRecord> rulesOf(Scope scope, String listenerArn) {
    return rules.where(scope, r -> r.listenerArn().equals(listenerArn)).stream()
        .sorted((a, b) -> Integer.compare(a.priority(), b.priority())).toList();
  }

  List<RegisteredTarget> targetsOf(Scope scope, String targetGroupArn) {
    return targets.find(scope, targetGroupArn).orElse(List.of());
  }

  Map<String, String> tagsOf(Scope scope, String arn) {
    return tags.find(scope, arn).orElse(Map.of());
  }

  /** The load balancers whose listeners or rules forward to the target group. */
  List<String> loadBalancersOf(Scope scope, String targetGroupArn) {
    Set<String> out = new LinkedHashSet<>();
    for (ListenerRecord l : listeners.all(scope)) {
      if (targetGroupArns(l.defaultActions()).contains(targetGroupArn)) {
        out.add(l.loadBalancerArn());
      }
    }
    for (ListenerRuleRecord r : rules.all(scope)) {
      if (targetGroupArns(r.actions()).contains(targetGroupArn)) {
        listeners.find(scope, r.listenerArn()).ifPresent(l -> out.add(l.loadBalancerArn()));
      }
    }
    return List.copyOf(out);
  }

  /** The target groups a load balancer's listeners and rules forward to. */
  List<String> targetGroupsOf(Scope scope, String loadBalancerArn) {
    Set<String> out = new LinkedHashSet<>();
    for (ListenerRecord l : listenersOf(scope, loadBalancerArn)) {
      out.addAll(targetGroupArns(l.defaultActions()));
      rulesOf(scope, l.arn()).forEach(r -> out.addAll(targetGroupArns(r.actions())));
    }
    return List.copyOf(out);
  }

  /** Whether a listener or rule uses the target group (the group is then "in use"). */
  boolean inUse(Scope scope, String targetGroupArn) {
    return !loadBalancersOf(scope, targetGroupArn).isEmpty();
  }

  static List<String> targetGroupArns(List<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      if (a.targetGroupArn() != null) {
        out.add(a.targetGroupArn());
      }
      if (a.forwardConfig() != null) {
        a.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn)
            .filter(arn -> !out.contains(arn)).forEach(out::add);
      }
    }
    return out;
  }

  /** The scope an ELB ARN belongs to ({@code arn:aws:elasticloadbalancing:<region>:<account>:…}). */
  static Optional<Scope> scopeOf(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return Optional.empty();
    }
    return Optional.of(new Scope(parts[4], parts[3]));
  }

  static <K, V> Map<K, V> merged(Map<K, V> base, Map<K, V> changes) {
    Map<K, V> out = new LinkedHashMap<>(base);
    out.putAll(changes);
    return out;
  }
}
