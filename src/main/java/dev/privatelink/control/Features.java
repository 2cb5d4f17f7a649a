package dev.privatelink.control;

import dev.privatelink.control.ec2.Ec2;
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

  public Features() {
    // Features are wired below, each after the ones it looks up.
    ec2 = register(new Ec2(ec2Tags));
    ec2.handlers().forEach(this::register);
  }

  public Ec2Tags ec2Tags() {
    return ec2Tags;
  }

  /** The EC2 control plane; {@code ec2().network()} is the {@link Network} other features use. */
  public Ec2 ec2() {
    return ec2;
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
