package dev.privatelink.control;

/** A feature that reacts to {@link ControlEvent}s; returns true only if its state changed. */
public interface EventHandler {
  boolean apply(ControlEvent event, java.time.Instant now);
}
