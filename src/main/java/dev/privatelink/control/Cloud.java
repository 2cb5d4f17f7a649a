package dev.privatelink.control;

import java.lang.invoke.MethodHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import dev.privatelink.model.IdSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The whole cloud as data. Mutations (API actions whose handler is not {@link ReadOnly}, and
 * data-plane {@link ControlEvent}s) run one at a time on the writer's state and are written to the
 * {@link MutationLog}; each is acknowledged, and becomes visible to readers, only once the log has
 * made it durable (group commit: one force covers every mutation queued behind it).
 *
 * <p>The read rule: readers see the <em>published</em> state, a second copy to which a mutation is
 * applied (replayed deterministically, with the same time and seed) only after its record is
 * durable; so no reader ever sees a change that a crash could take back, and no reader waits for a
 * disk force. A writer's response is sent after its change is published, so the caller reads its
 * own write. A mutation that cannot be made durable is undone in the writer's state (restored from
 * the published copy) and answered with AWS's {@code InternalError}; the mutations in flight with
 * it are kept or failed as {@link InFlight} says.
 *
 * <p>Without durability ({@link MutationLog#NONE}, the control-plane tests) there is nothing to
 * hide from readers: writer and readers share one state under a read-write lock, as before.
 */
public final class Cloud {
  private final ReentrantLock writer = new ReentrantLock();
  private final MutationLog log;
  private final Clock clock;
  private final SplittableRandom seeds = new SplittableRandom();
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private final Wiring wiring;
  private final Published published;
  private final InFlight inFlight = new InFlight();
  private State head;
  private final boolean shared;
  private boolean opened;

  /**
   * A cloud that accepts calls at once, with nothing to recover, whose features lean on
   * {@code wiring}'s collaborators (tests put fakes there).
   */
  public Cloud(MutationLog log, Clock clock, Wiring wiring) {
    this(log, clock, wiring, false);
    open();
  }

  /** A cloud that accepts calls at once, with nothing to recover. */
  public Cloud(MutationLog log, Clock clock) {
    this(log, clock, Wiring.REAL);
  }

  public Cloud() {
    this(MutationLog.NONE, Clock.systemUTC());
  }

  private Cloud(MutationLog log, Clock clock, Wiring wiring, boolean unused) {
    this.log = log;
    this.clock = clock;
    this.wiring = wiring;
    this.shared = log == MutationLog.NONE;
    this.head = new State(new Features(wiring));
    this.published = new Published(new State(new Features(wiring)));
  }

  /**
   * A cloud to recover first: {@link #load} a snapshot, {@link #replay} the journal's tail, then
   * {@link #open}. Readers see nothing of it before it opens.
   */
  public static Cloud recovering(MutationLog log, Clock clock) {
    return new Cloud(log, clock, Wiring.REAL, false);
  }

  /** True if this cloud serves the action whose SDK request type is given. */
  public boolean supports(Class<?> requestType) {
    return head.registry().supports(requestType);
  }

  /** Serves one API action for a caller; throws {@link AwsException} for AWS's errors. */
  public SdkResponse call(String accountId, String region, String principalArn, SdkRequest request) {
    openScope(new Scope(accountId, region));
    if (isReadOnly(request)) {
      // A read is never replayed, so its randomness (an exported key's salt) need not be journaled.
      long seed = java.util.concurrent.ThreadLocalRandom.current().nextLong();
      RequestContext ctx = new RequestContext(accountId, region, principalArn, clock.instant(), new IdSource(seed));
      return published.read(state -> state.invoke(ctx, request));
    }
    long seq;
    SdkResponse response;
    writer.lock();
    try {
      requireOpen();
      Instant now = clock.instant();
      long seed = seeds.nextLong();
      response = applyToHead(() -> head.invoke(new RequestContext(accountId, region, principalArn, now, new IdSource(seed)), request));
      seq = record(new MutationLog.Entry(accountId, region, principalArn, now, seed, request), response);
    } finally {
      writer.unlock();
    }
    commit(seq);
    return response;
  }

  /** Applies a data-plane report; returns true if it changed the state. */
  public boolean report(ControlEvent event) {
    long seq;
    writer.lock();
    try {
      requireOpen();
      Instant now = clock.instant();
      if (!applyToHead(() -> head.applyEvent(event, now))) {
        return false;
      }
      seq = record(new MutationLog.Entry("", "", "", now, 0, event), Boolean.TRUE);
    } finally {
      writer.unlock();
    }
    commit(seq);
    return true;
  }

  /**
   * Makes a scope's defaults (its default VPC) before its first call, read or write, in every copy
   * of the state. They are a function of the scope alone, so they are neither journaled nor a new
   * version: replay (and publishing) make them again before the scope's first journaled call,
   * identically, and they need nothing on the host.
   */
  private void openScope(Scope scope) {
    if (!published.read(state -> state.features().needsOpening(scope))) {
      return;
    }
    writer.lock();
    try {
      head.features().open(scope);
      published.openScope(scope);
    } finally {
      writer.unlock();
    }
  }

  /** Fills the state from a snapshot before {@link #open}; the store decodes into the features given. */
  public void load(Consumer<Features> fill) {
    writer.lock();
    try {
      checkNotOpen();
      fill.accept(head.features());
    } finally {
      writer.unlock();
    }
  }

  /** Re-applies one journaled mutation before {@link #open}, without journaling it again. */
  public void replay(MutationLog.Entry entry) {
    writer.lock();
    try {
      checkNotOpen();
      head.apply(entry);
    } finally {
      writer.unlock();
    }
  }

  /** Ends recovery: readers see the recovered state, and mutations are accepted from now on. */
  public void open() {
    writer.lock();
    try {
      checkNotOpen();
      published.replaceWith(shared ? head : head.copy(wiring), log.durableSeq(), false);
      opened = true;
    } finally {
      writer.unlock();
    }
  }

  /** Runs a read-only view of the published state; never waits for the disk. */
  public <T> T read(Function<Features, T> view) {
    return published.read(state -> view.apply(state.features()));
  }

  /**
   * Runs {@code step} under the writer lock, between two mutations (the store rotates its journal
   * here, so that every record before the rotation is either queued for publishing or lost).
   */
  public long checkpoint(java.util.function.LongSupplier step) {
    writer.lock();
    try {
      return step.getAsLong();
    } finally {
      writer.unlock();
    }
  }

  /**
   * Runs {@code view} on the published state once it holds every mutation up to {@code seq}, with
   * the number of the last mutation it holds; null if some are still to be published.
   */
  public <T> @org.jspecify.annotations.Nullable T readAfter(long seq, Published.View<T> view) {
    return published.readAfter(seq, view);
  }

  /** Applies {@code wiring} to every copy of the state (tests wire fakes over features this way). */
  public void configure(Consumer<Features> wiring) {
    writer.lock();
    try {
      if (!shared) {
        wiring.accept(head.features());
      }
      published.configure(wiring);
    } finally {
      writer.unlock();
    }
  }

  /**
   * Empties one account in every region (see {@link Features#resetAccount}); journaled, so a
   * restart replays it. Other accounts keep everything.
   */
  public void resetAccount(String accountId) {
    report(new ControlEvent.AccountReset(accountId));
  }

  /** Empties the cloud, as moto's {@code /moto-api/reset} does; default VPCs are made again on first use. */
  public void reset() {
    writer.lock();
    try {
      long last = published.lastQueued();
      try {
        log.sync(last);
      } catch (RuntimeException e) {
        restoreHead();
        throw internalError();
      }
      published.drain(last);
      log.reset();
      head = new State(new Features(wiring));
      published.replaceWith(shared ? head : new State(new Features(wiring)), log.durableSeq(), true);
    } finally {
      writer.unlock();
    }
    notifyListeners(published.version());
  }

  public long version() {
    return published.version();
  }

  /** Calls {@code listener} with the new version after each change, outside the lock. */
  public void onChange(LongConsumer listener) {
    listeners.add(listener);
  }

  /** True if the action's handler declared itself {@link ReadOnly}. */
  public boolean isReadOnly(SdkRequest request) {
    return head.registry().isReadOnly(request.getClass());
  }

  public static String actionName(SdkRequest request) {
    String name = request.getClass().getSimpleName();
    return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
  }

  /** AWS's answer when a change could not be made durable (the state has not moved). */
  public static AwsException internalError() {
    return new AwsException("InternalError", "We encountered an internal error. Please try again.", 500);
  }

  private <T> T applyToHead(java.util.function.Supplier<T> mutation) {
    try {
      return shared ? published.exclusive(mutation) : mutation.get();
    } catch (AwsException e) {
      throw e; // validated before any write: the state has not moved
    } catch (RuntimeException | Error e) {
      restoreHead(); // a handler failed half-way: take its partial writes back
      throw e;
    }
  }

  /** Under the writer lock: writes the record, queues it for publishing; undoes the change if it fails. */
  private long record(MutationLog.Entry entry, Object answer) {
    long seq;
    try {
      seq = log.append(entry);
    } catch (RuntimeException e) {
      restoreHead();
      throw internalError();
    }
    if (shared) {
      published.bump(seq);
    } else {
      published.enqueue(seq, entry);
      inFlight.written(seq, answer);
    }
    return seq;
  }

  /**
   * Waits for the record's force, publishes it. If it cannot be made durable, the first caller to
   * notice restores the writer's state; the record may then have been written again under a new
   * number (see {@link InFlight}), which is waited for instead, or the change failed.
   */
  private void commit(long seq) {
    long record = seq;
    while (true) {
      try {
        log.sync(record);
        break;
      } catch (RuntimeException e) {
        writer.lock();
        try {
          record = inFlight.settle(record, this::restoreHead);
        } finally {
          writer.unlock();
        }
        if (record == 0) {
          throw internalError();
        }
      }
    }
    inFlight.answered(record);
    notifyListeners(published.drain(log.durableSeq()));
  }

  /** Under the writer lock: the writer's state becomes the durable state plus the mutations still in flight. */
  private void restoreHead() {
    if (!opened || shared) {
      return; // without a second copy there is nothing to restore from (and no disk to fail)
    }
    head = inFlight.recover(log, published, wiring);
  }

  private void requireOpen() {
    if (!opened) {
      throw new IllegalStateException("the cloud is still recovering");
    }
  }

  private void checkNotOpen() {
    if (opened) {
      throw new IllegalStateException("the cloud is already open");
    }
  }

  private void notifyListeners(long changed) {
    for (LongConsumer l : listeners) {
      l.accept(changed);
    }
  }

  /** One copy of the cloud's features with the handlers registered on it. */
  record State(Features features, ActionRegistry registry) {
    State(Features features) {
      this(features, new ActionRegistry(features.handlers()));
    }

    SdkResponse invoke(RequestContext ctx, SdkRequest request) {
      MethodHandle handler = registry.find(request.getClass()).orElseThrow(() -> new AwsException(
          "InvalidAction", "The action " + actionName(request) + " is not valid for this web service.", 400));
      try {
        return (SdkResponse) handler.invoke(ctx, request);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    boolean applyEvent(ControlEvent event, Instant now) {
      if (event instanceof ControlEvent.AccountReset r) {
        features.resetAccount(r.accountId(), now);
        return true;
      }
      boolean changed = false;
      for (EventHandler h : features.eventHandlers()) {
        changed |= h.apply(event, now);
      }
      return changed;
    }

    /**
     * Applies a recorded mutation exactly as it was first applied (same time and seed); returns
     * what it answered then: the response, or for an event whether it changed anything.
     */
    Object apply(MutationLog.Entry e) {
      if (e.payload() instanceof ControlEvent event) {
        return applyEvent(event, e.time());
      }
      features.open(new Scope(e.accountId(), e.region()));
      return invoke(new RequestContext(e.accountId(), e.region(), e.principalArn(), e.time(), new IdSource(e.seed())),
          (SdkRequest) e.payload());
    }

    State copy(Wiring wiring) {
      Features to = new Features(wiring);
      StateFields.copy(features, to);
      return new State(to);
    }
  }
}
