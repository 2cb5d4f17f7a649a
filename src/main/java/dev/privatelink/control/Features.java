package dev.privatelink.control;

import dev.privatelink.control.privatelink.PrivateLink;
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
  // TODO(integration): pass the EC2 feature (it implements Network) and delete the Unwired stand-ins.
  private final dev.privatelink.control.elb.UnwiredNetwork network = new dev.privatelink.control.elb.UnwiredNetwork();
  private final dev.privatelink.control.acm.AcmCertificates acm;
  private final dev.privatelink.control.elb.Elb elb;
  private final PrivateLink privateLink;

  public Features() {
    // Features are wired below, each after the ones it looks up.
    acm = register(new dev.privatelink.control.acm.AcmCertificates((s, arn) -> elb().usersOf(s, arn)));
    register(acm.tags());
    elb = register(new dev.privatelink.control.elb.Elb(network, acm));
    elb.handlers().forEach(this::register);
    register(new dev.privatelink.control.sts.Sts());
    privateLink = new PrivateLink(ec2Tags, new dev.privatelink.control.privatelink.UnwiredNetwork(), elb);
    privateLink.parts().forEach(this::register);
  }

  public PrivateLink privateLink() {
    return privateLink;
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
