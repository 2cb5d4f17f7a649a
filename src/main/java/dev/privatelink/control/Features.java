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
  private final PrivateLink privateLink;

  public Features() {
    // Features are wired below, each after the ones it looks up.
    // TODO(integrator): replace the Unwired stand-ins with the EC2 network and the ELB directory.
    privateLink = new PrivateLink(ec2Tags, new dev.privatelink.control.privatelink.UnwiredNetwork(),
        new dev.privatelink.control.privatelink.UnwiredLoadBalancers());
    privateLink.parts().forEach(this::register);
  }

  public PrivateLink privateLink() {
    return privateLink;
  }

  public Ec2Tags ec2Tags() {
    return ec2Tags;
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
