package dev.privatelink.control;

import dev.privatelink.control.acm.AcmCertificates;
import dev.privatelink.control.ec2.Ec2;
import dev.privatelink.control.ec2.flowlog.FlowLogDestinations;
import dev.privatelink.control.ec2.flowlog.FlowLogs;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.logs.Logs;
import dev.privatelink.control.privatelink.PrivateLink;
import dev.privatelink.control.reachability.Reachability;
import dev.privatelink.control.sts.Sts;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The cloud's features wired together, holding all of its state. A reset makes a new one. Each
 * feature registers its {@link ActionHandler}s and {@link EventHandler}s here.
 */
public final class Features {
  private final Ec2Tags ec2Tags = new Ec2Tags();
  private final List<ActionHandler> handlers = new ArrayList<>();
  private final List<EventHandler> eventHandlers = new ArrayList<>();
  private final Ec2 ec2;
  private final AcmCertificates acm;
  private final Elb elb;
  private final PrivateLink privateLink;
  private final Reachability reachability;
  private final Logs logs = new Logs();
  private final FlowLogs flowLogs;

  public Features() {
    this(Wiring.REAL);
  }

  /** The features, with {@code wiring}'s fakes in place of the collaborators it names. */
  public Features(Wiring wiring) {
    // Features are wired below, each after the ones it looks up.
    ec2 = register(new Ec2(ec2Tags));
    ec2.handlers().forEach(this::register);
    Network elbNetwork = wiring.elbNetwork().apply(ec2.network());
    acm = register(new AcmCertificates((s, arn) -> elb().usersOf(s, arn)));
    acm.parts().forEach(this::register);
    elb = register(new Elb(elbNetwork, acm, (s, arn) -> privateLink().servicesUsing(s, arn)));
    elb.handlers().forEach(this::register);
    register(new Sts());
    logs.parts().forEach(this::register);
    flowLogs = register(new FlowLogs(ec2.state(), new FlowLogDestinations() {
      @Override public void ensureGroup(Scope scope, String groupName, java.time.Instant now) {
        logs.ensureGroup(scope, groupName, now);
      }

      @Override public boolean deliver(Scope scope, String group, String stream, List<TimedRecord> records,
          java.time.Instant now) {
        return logs.deliver(scope, group, stream, records.stream()
            .map(r -> new Logs.TimedMessage(r.timestamp(), r.message())).toList(), now);
      }
    }));
    flowLogs.parts().forEach(this::register);
    privateLink = new PrivateLink(ec2Tags, wiring.privateLinkNetwork().apply(ec2.network()),
        wiring.privateLinkLoadBalancers().apply(elb));
    privateLink.parts().forEach(this::register);
    ec2.addVpcDependent(privateLink::hasEndpointsIn);
    reachability = new Reachability(ec2, ec2Tags, elb, privateLink);
    reachability.handlers().forEach(this::register);
    ec2.taggable().register("vpce", "vpc-endpoint", (scope, id) -> privateLink.endpoints().stream()
        .anyMatch(e -> e.endpointId().equals(id) && e.accountId().equals(scope.accountId())),
        id -> AwsException.badRequest("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + id + "' does not exist"));
    ec2.taggable().register("vpce-svc", "vpc-endpoint-service", (scope, id) -> privateLink.services().stream()
        .anyMatch(s -> s.serviceId().equals(id) && s.accountId().equals(scope.accountId())),
        id -> AwsException.badRequest("InvalidVpcEndpointServiceId.NotFound", "The Vpc Endpoint Service Id '" + id + "' does not exist"));
  }

  /**
   * Empties one account in every region: PrivateLink first (other accounts see its connections
   * rejected or deleted, see {@code AccountReset}), then every piece of state of the account,
   * found by the state's structure ({@link StateFields#dropAccount}), so that no table can be left
   * out. Other accounts' resources are untouched.
   */
  void resetAccount(String accountId, java.time.Instant now) {
    privateLink.resetAccount(accountId, now);
    StateFields.dropAccount(this, accountId);
  }

  public PrivateLink privateLink() {
    return privateLink;
  }

  public Ec2Tags ec2Tags() {
    return ec2Tags;
  }

  public FlowLogs flowLogs() {
    return flowLogs;
  }

  public Logs logs() {
    return logs;
  }

  public Elb elb() {
    return elb;
  }

  public AcmCertificates acm() {
    return acm;
  }

  /** The EC2 control plane; {@code ec2().network()} is the {@link Network} other features use. */
  public Ec2 ec2() {
    return ec2;
  }

  /** True until the scope's defaults (its default VPC) have been made. */
  boolean needsOpening(Scope scope) {
    return ec2.needsOpening(scope);
  }

  /** Makes the scope's defaults the first time it is used, deterministically; true if it made them. */
  boolean open(Scope scope) {
    return ec2.open(scope);
  }

  List<ActionHandler> handlers() {
    return handlers;
  }

  List<EventHandler> eventHandlers() {
    return eventHandlers;
  }

  private <T> T register(T feature) {
    if (feature instanceof ActionHandler h) {
      handlers.add(h);
    }
    if (feature instanceof EventHandler e) {
      eventHandlers.add(e);
    }
    return feature;
  }
}
