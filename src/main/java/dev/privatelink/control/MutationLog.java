package dev.privatelink.control;

import java.time.Instant;

/**
 * Where the {@link Cloud} records each mutation before acknowledging it. The store implements it
 * durably with group commit; the control plane itself does no I/O.
 *
 * <p>Contract: {@link #append} writes a record in order and gives it the next sequence number,
 * without waiting for the disk; {@link #sync} returns once that record (and every one before it)
 * is durable, or throws if it never will be; after a failed force, {@link #discardUnsynced} tells
 * which records it lost and which it cut off behind them, so that the disk holds exactly the synced
 * prefix and the caller can write the cut ones again.
 */
public interface MutationLog {
  /**
   * One recorded mutation: who, where, when, the random seed its ids came from, and the payload.
   *
   * @param payload an AWS SDK request or a {@link ControlEvent}
   */
  record Entry(String accountId, String region, String principalArn, Instant time, long seed, Object payload) {}

  /** Writes one record after every earlier one; returns its sequence number. Not yet durable. */
  long append(Entry entry);

  /** Returns once record {@code seq} is durable; throws {@link NotDurable} if it cannot be. */
  void sync(long seq);

  /** The highest sequence number known durable. */
  long durableSeq();

  /**
   * Ends the handling of a failed force (appends are refused until then): what it discarded, or
   * nothing ({@code durableSeq} for all three) if no force failed.
   */
  Discarded discardUnsynced();

  /**
   * What a failed force took off the log: records up to {@code durableSeq} are durable; records up
   * to {@code lostThrough} were the force's to cover and are lost (their mutations must fail);
   * records after them up to {@code cutThrough} were written while it ran and are cut off with
   * them: not durable, but the failure was not theirs, so the caller may append them again.
   */
  record Discarded(long durableSeq, long lostThrough, long cutThrough) {}

  /** Forgets every mutation (the cloud was reset); every record up to now is covered by it. */
  void reset();

  /** A record could not be made durable: the mutation it carries must not be visible. */
  final class NotDurable extends RuntimeException {
    public NotDurable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** No durability at all (control-plane tests): every record is durable at once. */
  MutationLog NONE = new MutationLog() {
    private long last;
    @Override public synchronized long append(Entry entry) { return ++last; }
    @Override public void sync(long seq) {}
    @Override public synchronized long durableSeq() { return last; }
    @Override public synchronized Discarded discardUnsynced() { return new Discarded(last, last, last); }
    @Override public void reset() {}
  };
}
