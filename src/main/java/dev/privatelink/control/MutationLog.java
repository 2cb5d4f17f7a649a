package dev.privatelink.control;

import java.time.Instant;

/**
 * Where the {@link Cloud} records each mutation before acknowledging it. The store implements it
 * durably; the control plane itself does no I/O.
 */
public interface MutationLog {
  /**
   * Records one mutation; returns only once it is durable.
   *
   * @param payload an AWS SDK request or a {@link ControlEvent}
   */
  void append(String accountId, String region, String principalArn, Instant time, long seed, Object payload);

  /** Forgets every mutation (the cloud was reset). */
  void reset();

  MutationLog NONE = new MutationLog() {
    @Override public void append(String a, String r, String p, Instant t, long s, Object payload) {}
    @Override public void reset() {}
  };
}
