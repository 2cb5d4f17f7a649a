package dev.privatelink.control;

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
  // TODO(integration): pass the EC2 feature (it implements Network) to Elb and delete UnwiredNetwork.
  private final dev.privatelink.control.elb.UnwiredNetwork network = new dev.privatelink.control.elb.UnwiredNetwork();
  private final dev.privatelink.control.acm.AcmCertificates acm = register(new dev.privatelink.control.acm.AcmCertificates((s, arn) -> this.elb.usersOf(s, arn)));
  private final dev.privatelink.control.elb.Elb elb = register(new dev.privatelink.control.elb.Elb(network, acm));
  private final dev.privatelink.control.sts.Sts sts = register(new dev.privatelink.control.sts.Sts());

  public Features() {
    // Features are wired below, each after the ones it looks up.
    register(acm.tags());
    elb.handlers().forEach(this::register);
  }

  public Ec2Tags ec2Tags() {
    return ec2Tags;
  }

  public dev.privatelink.control.elb.Elb elb() {
    return elb;
  }

  public dev.privatelink.control.acm.AcmCertificates acm() {
    return acm;
  }

  /** TEMPORARY until integration: lets tests wire a fake Network into the ELB feature. */
  public dev.privatelink.control.elb.UnwiredNetwork unwiredNetwork() {
    return network;
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
