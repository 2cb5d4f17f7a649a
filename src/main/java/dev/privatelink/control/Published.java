package dev.privatelink.control;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The state readers see: a copy of the cloud to which each mutation is applied only once its
 * record is durable, in the order the writer made them. Readers share it under a read lock that
 * is never held across a disk force; publishing takes the write lock for the time it takes to
 * re-apply the newly durable mutations.
 */
public final class Published {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ConcurrentLinkedDeque<Queued> queue = new ConcurrentLinkedDeque<>();
  private Cloud.State state;
  private long seq;
  private volatile long version;

  /** A view of the published state at a known point of the log. */
  @FunctionalInterface
  public interface View<T> {
    T apply(long seq, Features features);
  }

  /** A mutation written to the log, waiting for its record to be durable to be published. */
  record Queued(long seq, MutationLog.Entry entry) {}

  Published(Cloud.State initial) {
    this.state = initial;
  }

  <T> T read(Function<Cloud.State, T> view) {
    lock.readLock().lock();
    try {
      return view.apply(state);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The view once nothing numbered up to {@code atLeast} waits to be published; else null. */
  <T> @Nullable T readAfter(long atLeast, View<T> view) {
    lock.readLock().lock();
    try {
      Queued first = queue.peekFirst();
      if (first != null && first.seq() <= atLeast) {
        return null;
      }
      return view.apply(Math.max(seq, atLeast), state.features());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a mutation of a state shared with the writer (no durability), readers held off. */
  <T> T exclusive(java.util.function.Supplier<T> mutation) {
    lock.writeLock().lock();
    try {
      return mutation.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A mutation of the shared state is done: a new version. */
  void bump(long recordSeq) {
    lock.writeLock().lock();
    try {
      seq = recordSeq;
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Called by the writer, in sequence order, for each record it wrote. */
  void enqueue(long recordSeq, MutationLog.Entry entry) {
    queue.addLast(new Queued(recordSeq, entry));
  }

  long lastQueued() {
    Queued last = queue.peekLast();
    return last == null ? 0 : last.seq();
  }

  /** Publishes every queued mutation up to {@code durable}; returns the version then. */
  long drain(long durable) {
    Queued next = queue.peekFirst();
    if (next == null || next.seq() > durable) {
      return version;
    }
    lock.writeLock().lock();
    try {
      while ((next = queue.peekFirst()) != null && next.seq() <= durable) {
        queue.pollFirst();
        try {
          state.apply(next.entry());
        } catch (AwsException ignored) {
          // It succeeded on the writer's copy, so it succeeds here: both are deterministic.
        }
        seq = next.seq();
        version++;
      }
      return version;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The mutations waiting to be published, in order. */
  List<Queued> queued() {
    return List.copyOf(queue);
  }

  /** Forgets the queued mutations after {@code durable}: their records were discarded. */
  void dropAfter(long durable) {
    queue.removeIf(q -> q.seq() > durable);
  }

  /** An independent copy for the writer. */
  Cloud.State copy(Wiring wiring) {
    return read(s -> s.copy(wiring));
  }

  /** Replaces the published state (recovery, reset); a reset counts as a new version. */
  void replaceWith(Cloud.State fresh, long atSeq, boolean newVersion) {
    lock.writeLock().lock();
    try {
      queue.clear();
      state = fresh;
      seq = atSeq;
      if (newVersion) {
        version++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Makes a scope's defaults in the published state (a no-op if they exist). */
  void openScope(Scope scope) {
    lock.writeLock().lock();
    try {
      state.features().open(scope);
    } finally {
      lock.writeLock().unlock();
    }
  }

  void configure(Consumer<Features> wiring) {
    lock.writeLock().lock();
    try {
      wiring.accept(state.features());
    } finally {
      lock.writeLock().unlock();
    }
  }

  long version() {
    return version;
  }
}
