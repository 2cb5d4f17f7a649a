package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import dev.privatelink.control.acm.CertificateUsers;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Elastic Load Balancing v2 feature: its action handlers over one shared state, the data
 * plane's reports (load balancer ready or failed, target health, drain ticks), the
 * {@link LoadBalancerDirectory} PrivateLink reads, who uses which ACM certificate, and the
 * projection onto the data plane's specs.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/Welcome.html">ELBv2 API reference</a>
 */
public final class Elb implements EventHandler, LoadBalancerDirectory, CertificateUsers {
  private final ElbState state = new ElbState();
  private final List<ActionHandler> handlers;
  private final TargetEvents targetEvents = new TargetEvents(state);
  private final ElbProjection projection;

  public Elb(Network network, AcmCertificates acm) {
    ElbTagging tagging = new ElbTagging(state);
    TargetHealthView health = new TargetHealthView(state, network);
    this.handlers = List.of(tagging, new LoadBalancers(state, network, tagging), new TargetGroups(state, network, tagging),
        new Targets(state, new TargetChecks(state, network), health), new Listeners(state, acm, tagging),
        new ListenerCertificates(state, acm), new Rules(state, tagging), new ElbCatalog());
    this.projection = new ElbProjection(state, network, acm);
  }

  /** Forgets every ELB resource of one account. */
  public void dropAccount(String accountId) {
    state.dropAccount(accountId);
  }

  /** The action handlers to register with the cloud. */
  public List<ActionHandler> handlers() {
    return handlers;
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    return switch (event) {
      case ControlEvent.ResourceReady r -> moveLoadBalancer(r.resourceId(), "provisioning", "active");
      case ControlEvent.ResourceFailed f -> failLoadBalancer(f.resourceId(), f.reason());
      case ControlEvent.TargetHealthChanged h -> targetEvents.healthChanged(h);
      case ControlEvent.Tick t -> targetEvents.tick(t.resourceId(), now);
      case ControlEvent.ConsoleOutput c -> false;
      case ControlEvent.AccountReset r -> false;
    };
  }

  private boolean failLoadBalancer(String arn, String reason) {
    if (!moveLoadBalancer(arn, "provisioning", "failed")) {
      return false;
    }
    ElbState.scopeOf(arn).ifPresent(scope -> state.failureReasons.put(scope, arn, reason));
    return true;
  }

  private boolean moveLoadBalancer(String arn, String from, String to) {
    Optional<Scope> scope = ElbState.scopeOf(arn);
    if (scope.isEmpty() || !arn.contains(":loadbalancer/")) {
      return false;
    }
    var lb = state.loadBalancers.find(scope.get(), arn);
    if (lb.isEmpty() || !lb.get().state().equals(from)) {
      return false;
    }
    state.loadBalancers.put(scope.get(), arn, lb.get().withState(to));
    return true;
  }

  @Override
  public Optional<NetworkLoadBalancerInfo> networkLoadBalancer(Scope scope, String arn) {
    return state.loadBalancers.find(scope, arn).filter(lb -> lb.type().equals("network")).map(lb ->
        new NetworkLoadBalancerInfo(lb.arn(), lb.vpcId(), lb.nodes().stream().map(LoadBalancerRecord.Node::zoneName).toList(),
            lb.state(), state.listenersOf(scope, lb.arn()).stream().map(ListenerRecord::port).toList(), lb.scheme()));
  }

  @Override
  public List<String> usersOf(Scope scope, String certificateArn) {
    return state.listeners.where(scope, l -> certificateArn.equals(l.defaultCertificate())
        || l.extraCertificates().contains(certificateArn)).stream().map(ListenerRecord::loadBalancerArn).distinct().toList();
  }

  /** Every load balancer of every account and region as the data plane realises it. */
  public List<LoadBalancerSpec> loadBalancerSpecs() {
    return projection.loadBalancers();
  }

  /** Every load balancer's ARN, VPC and state code (provisioning, active, failed). */
  public List<Placement> placements() {
    return state.loadBalancers.everywhere().stream()
        .map(e -> new Placement(e.getValue().arn(), e.getValue().vpcId(), e.getValue().state())).toList();
  }

  /** Where a load balancer lives and the state it is in. */
  public record Placement(String arn, String vpcId, String state) {}

  /** The draining targets and when to send {@code Tick(targetGroupArn)} to remove them. */
  public List<DrainDeadline> drainDeadlines() {
    return projection.drainDeadlines();
  }
}
