package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import dev.privatelink.control.acm.CertificateUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

/**
 * The Elastic Load Balancing v2 feature: its action handlers over one shared state, the data
 * plane's reports (load balancer ready or failed, target health, drain ticks), the
 * {@link LoadBalancerDirectory} PrivateLink reads, who uses which ACM certificate, and plain read
 * methods over every load balancer for the host projection (which lives outside control).
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/Welcome.html">ELBv2 API reference</a>
 */
public final class Elb implements EventHandler, LoadBalancerDirectory, CertificateUsers {
  private final ElbState state = new ElbState();
  private final List<ActionHandler> handlers;
  private final TargetEvents targetEvents = new TargetEvents(state);
  private final Network network;
  private final TargetHealthView health;

  public Elb(Network network, AcmCertificates acm) {
    this(network, acm, LoadBalancerUsers.NONE);
  }

  /** The feature, refusing to delete a load balancer that {@code users} names a user of. */
  public Elb(Network network, AcmCertificates acm, LoadBalancerUsers users) {
    ElbTagging tagging = new ElbTagging(state);
    this.health = new TargetHealthView(state, network);
    this.handlers = List.of(tagging, new LoadBalancers(state, network, tagging, users), new TargetGroups(state, network, tagging),
        new Targets(state, new TargetChecks(state, network), health), new Listeners(state, acm, tagging),
        new ListenerCertificates(state, acm), new ListenerRules(state, tagging), new ElbCatalog(),
        new CapacityReservations(state), new LoadBalancerSubnets(state, network));
    this.network = network;
  }

  /** The action handlers to register with the cloud. */
  public List<ActionHandler> handlers() {
    return handlers;
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    return switch (event) {
      case ControlEvent.ResourceReady r -> moveLoadBalancer(r.resourceId(), LoadBalancerStateEnum.PROVISIONING, LoadBalancerStateEnum.ACTIVE);
      case ControlEvent.ResourceFailed f -> failLoadBalancer(f.resourceId(), f.reason());
      case ControlEvent.TargetHealthChanged h -> targetEvents.healthChanged(h);
      case ControlEvent.Tick t -> targetEvents.tick(t.resourceId(), now);
      case ControlEvent.ConsoleOutput c -> false;
      case ControlEvent.AccountReset r -> false;
      case ControlEvent.FlowsObserved f -> false;
    };
  }

  private boolean failLoadBalancer(String arn, String reason) {
    if (!moveLoadBalancer(arn, LoadBalancerStateEnum.PROVISIONING, LoadBalancerStateEnum.FAILED)) {
      return false;
    }
    ElbState.scopeOf(arn).ifPresent(scope -> state.failureReasons.put(scope, arn, reason));
    return true;
  }

  private boolean moveLoadBalancer(String arn, LoadBalancerStateEnum from, LoadBalancerStateEnum to) {
    Optional<Scope> scope = ElbState.scopeOf(arn);
    if (scope.isEmpty() || !arn.contains(":loadbalancer/")) {
      return false;
    }
    var lb = state.loadBalancers.find(scope.get(), arn);
    if (lb.isEmpty() || lb.get().state() != from) {
      return false;
    }
    state.loadBalancers.put(scope.get(), arn, lb.get().withState(to));
    return true;
  }

  @Override
  public Optional<NetworkLoadBalancerInfo> networkLoadBalancer(Scope scope, String arn) {
    return state.loadBalancers.find(scope, arn).filter(lb -> lb.type() == LoadBalancerTypeEnum.NETWORK).map(lb ->
        new NetworkLoadBalancerInfo(lb.arn(), lb.vpcId(), lb.nodes().stream().map(LoadBalancerRecord.Node::zoneName).toList(),
            lb.state().toString(), state.listenersOf(scope, lb.arn()).stream().map(ListenerRecord::port).toList(), lb.scheme()));
  }

  @Override
  public List<String> usersOf(Scope scope, String certificateArn) {
    return state.listeners.where(scope, l -> certificateArn.equals(l.defaultCertificate())
        || l.extraCertificates().contains(certificateArn)).stream().map(ListenerRecord::loadBalancerArn).distinct().toList();
  }

  /** Every load balancer of every account and region. */
  public List<Map.Entry<Scope, LoadBalancerRecord>> loadBalancers() {
    return state.loadBalancers.everywhere();
  }

  /** The listeners of a load balancer. */
  public List<ListenerRecord> listenersOf(Scope scope, String loadBalancerArn) {
    return state.listenersOf(scope, loadBalancerArn);
  }

  /** The non-default rules of a listener, by ascending priority. */
  public List<ListenerRuleRecord> rulesOf(Scope scope, String listenerArn) {
    return state.rulesOf(scope, listenerArn);
  }

  /** The target groups a load balancer's listeners and rules forward to. */
  public List<TargetGroupRecord> targetGroupsOf(Scope scope, String loadBalancerArn) {
    return state.targetGroupsOf(scope, loadBalancerArn).stream()
        .flatMap(arn -> state.targetGroups.find(scope, arn).stream()).toList();
  }

  /** The group's registered targets resolved to addresses; a terminated instance has none left. */
  public List<TargetAddress> targetAddressesOf(Scope scope, TargetGroupRecord group) {
    List<TargetAddress> out = new ArrayList<>();
    for (RegisteredTarget t : state.targetsOf(scope, group.arn())) {
      out.addAll(TargetAddresses.resolve(state, network, scope, group, t));
    }
    return out;
  }

  /** A load balancer of the scope by ARN. */
  public Optional<LoadBalancerRecord> loadBalancer(Scope scope, String arn) {
    return state.loadBalancers.find(scope, arn);
  }

  /** A target group of the scope by ARN. */
  public Optional<TargetGroupRecord> targetGroup(Scope scope, String arn) {
    return state.targetGroups.find(scope, arn);
  }

  /** The health of each registered target of the group, as DescribeTargetHealth states it now. */
  public List<software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription> targetHealthOf(
      Scope scope, TargetGroupRecord group) {
    return state.targetsOf(scope, group.arn()).stream().map(t -> health.describe(scope, group, t)).toList();
  }

  /** Every load balancer's ARN, VPC and state. */
  public List<Placement> placements() {
    return state.loadBalancers.everywhere().stream()
        .map(e -> new Placement(e.getValue().arn(), e.getValue().vpcId(), e.getValue().state())).toList();
  }

  /** Where a load balancer lives and the state it is in. */
  public record Placement(String arn, String vpcId, LoadBalancerStateEnum state) {}

  /** The draining targets and when to send {@code Tick(targetGroupArn)} to remove them. */
  public List<DrainDeadline> drainDeadlines() {
    List<DrainDeadline> out = new ArrayList<>();
    for (var e : state.targetGroups.everywhere()) {
      for (RegisteredTarget t : state.targetsOf(e.getKey(), e.getValue().arn())) {
        if (t.draining()) {
          out.add(new DrainDeadline(e.getValue().arn(), t.id(), t.port(), TargetEvents.drainDeadline(e.getValue(), t)));
        }
      }
    }
    return out;
  }
}
