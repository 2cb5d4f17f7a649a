package dev.privatelink.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutations written to the {@link MutationLog} but not yet durable, with the answers their
 * callers wait to be sent, and what becomes of them when something fails before they are durable.
 * A failed force fails exactly the mutations whose records it was to cover. A mutation written
 * while that force ran was not covered by it, but its record was cut off the log behind the lost
 * ones and it was applied on a state that held them: it is applied again, alone, on the restored
 * state, and kept (written again, under a new number its caller then waits for) if it gives the
 * answer its caller is about to get; otherwise it fails too, and the state shows nothing of it.
 * Everything here runs under the cloud's writer lock but the look-ups of waiting callers.
 */
final class InFlight {
  private static final long FAILED = 0;
  private final Map<Long, Object> answers = new ConcurrentHashMap<>();
  private final Map<Long, Long> settled = new ConcurrentHashMap<>();

  /** A mutation was written as record {@code seq}; its caller will be answered {@code answer}. */
  void written(long seq, Object answer) {
    answers.put(seq, answer);
  }

  /** The caller of record {@code seq} got its answer. */
  void answered(long seq) {
    answers.remove(seq);
  }

  /**
   * Under the writer lock, after waiting for record {@code seq} failed: runs {@code recovery} unless
   * another caller's recovery already settled it; returns the record to wait for now, or 0 if the
   * mutation failed.
   */
  long settle(long seq, Runnable recovery) {
    if (!settled.containsKey(seq)) {
      recovery.run();
    }
    Long next = settled.remove(seq);
    if (next == null || next == FAILED) {
      answers.remove(seq);
      return FAILED;
    }
    return next;
  }

  /**
   * Under the writer lock: ends a failure (see the class comment) and returns the writer's state
   * rebuilt from the published state and the mutations still in flight. With no failed force (a
   * handler that failed half-way, a write that failed) every mutation in flight is kept.
   */
  Cloud.State recover(MutationLog log, Published published, Wiring wiring) {
    MutationLog.Discarded discarded = log.discardUnsynced();
    published.drain(discarded.durableSeq());
    List<Published.Queued> queued = published.queued();
    published.dropAfter(discarded.durableSeq());
    Cloud.State head = published.copy(wiring);
    for (Published.Queued q : queued) {
      if (q.seq() <= discarded.lostThrough()) {
        fail(q.seq());
      } else if (q.seq() <= discarded.cutThrough()) {
        head = writeAgain(q, head, log, published, wiring);
      } else {
        head.apply(q.entry());
        published.enqueue(q.seq(), q.entry());
      }
    }
    return head;
  }

  /** A mutation cut off behind a failed force: kept under a new number if it answers the same on {@code head}. */
  private Cloud.State writeAgain(Published.Queued q, Cloud.State head, MutationLog log, Published published, Wiring wiring) {
    Object answer;
    try {
      answer = head.apply(q.entry());
    } catch (AwsException e) {
      fail(q.seq()); // refused before any write: the state has not moved
      return head;
    } catch (RuntimeException e) {
      fail(q.seq());
      return rebuilt(published, wiring);
    }
    if (!Objects.equals(answer, answers.get(q.seq()))) {
      fail(q.seq()); // what it did depended on a lost change
      return rebuilt(published, wiring);
    }
    long again;
    try {
      again = log.append(q.entry());
    } catch (RuntimeException e) {
      fail(q.seq());
      return rebuilt(published, wiring);
    }
    published.enqueue(again, q.entry());
    answers.put(again, Objects.requireNonNull(answers.remove(q.seq())));
    settled.put(q.seq(), again);
    return head;
  }

  private void fail(long seq) {
    answers.remove(seq);
    settled.put(seq, FAILED);
  }

  /** The published state with every mutation still queued for publishing applied. */
  private static Cloud.State rebuilt(Published published, Wiring wiring) {
    Cloud.State head = published.copy(wiring);
    published.queued().forEach(q -> head.apply(q.entry()));
    return head;
  }
}
