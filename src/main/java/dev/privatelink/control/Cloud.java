package dev.privatelink.control;

import java.lang.invoke.MethodHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.LongConsumer;
import dev.privatelink.model.IdSource;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The whole cloud as data. Mutations (API actions whose handler is not {@link ReadOnly}, and
 * data-plane {@link ControlEvent}s) run one at a time, are recorded in the {@link MutationLog} before they
 * are acknowledged, and each makes a new state version. Reads run between mutations.
 */
public final class Cloud {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final MutationLog log;
  private final Clock clock;
  private final SplittableRandom seeds = new SplittableRandom();
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private final Wiring wiring;
  private Features features;
  private ActionRegistry registry;
  private volatile long version;

  /** A cloud whose features lean on {@code wiring}'s collaborators (tests put fakes there). */
  public Cloud(MutationLog log, Clock clock, Wiring wiring) {
    this.log = log;
    this.clock = clock;
    this.wiring = wiring;
    this.features = new Features(wiring);
    this.registry = new ActionRegistry(features.handlers());
  }

  public Cloud(MutationLog log, Clock clock) {
    this(log, clock, Wiring.REAL);
  }

  public Cloud() {
    this(MutationLog.NONE, Clock.systemUTC());
  }

  /** True if this cloud serves the action whose SDK request type is given. */
  public boolean supports(Class<?> requestType) {
    return registry.supports(requestType);
  }

  /** Serves one API action for a caller; throws {@link AwsException} for AWS's errors. */
  public SdkResponse call(String accountId, String region, String principalArn, SdkRequest request) {
    open(new Scope(accountId, region));
    if (isReadOnly(request)) {
      lock.readLock().lock();
      try {
        // A read is never replayed, so its randomness (an exported key's salt) need not be journaled.
        long seed = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        return invoke(new RequestContext(accountId, region, principalArn, clock.instant(), new IdSource(seed)), request);
      } finally {
        lock.readLock().unlock();
      }
    }
    long changed;
    SdkResponse response;
    lock.writeLock().lock();
    try {
      Instant now = clock.instant();
      long seed = seeds.nextLong();
      response = invoke(new RequestContext(accountId, region, principalArn, now, new IdSource(seed)), request);
      log.append(accountId, region, principalArn, now, seed, request);
      changed = ++version;
    } finally {
      lock.writeLock().unlock();
    }
    notifyListeners(changed);
    return response;
  }

  /** Applies a data-plane report; returns true if it changed the state. */
  public boolean report(ControlEvent event) {
    long changed;
    lock.writeLock().lock();
    try {
      Instant now = clock.instant();
      if (!applyEvent(event, now)) {
        return false;
      }
      log.append("", "", "", now, 0, event);
      changed = ++version;
    } finally {
      lock.writeLock().unlock();
    }
    notifyListeners(changed);
    return true;
  }

  /** Re-applies one journaled mutation at start-up, without journaling it again. */
  public void replay(String accountId, String region, String principalArn, Instant time, long seed, Object payload) {
    lock.writeLock().lock();
    try {
      if (payload instanceof ControlEvent event) {
        applyEvent(event, time);
      } else {
        features.open(new Scope(accountId, region));
        invoke(new RequestContext(accountId, region, principalArn, time, new IdSource(seed)), (SdkRequest) payload);
      }
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Makes a scope's defaults (its default VPC) before its first call, read or write. They are a
   * function of the scope alone, so they are neither journaled nor a new version: replay makes
   * them again before the scope's first journaled call, identically, and they need nothing on the host.
   */
  private void open(Scope scope) {
    lock.readLock().lock();
    try {
      if (!features.needsOpening(scope)) {
        return;
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      features.open(scope);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs a read-only view of the state between mutations. */
  public <T> T read(Function<Features, T> view) {
    lock.readLock().lock();
    try {
      return view.apply(features);
    } finally {
      lock.readLock().unlock();
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
    long changed;
    lock.writeLock().lock();
    try {
      log.reset();
      features = new Features(wiring);
      registry = new ActionRegistry(features.handlers());
      changed = ++version;
    } finally {
      lock.writeLock().unlock();
    }
    notifyListeners(changed);
  }

  public long version() {
    return version;
  }

  /** Calls {@code listener} with the new version after each change, outside the lock. */
  public void onChange(LongConsumer listener) {
    listeners.add(listener);
  }

  /** True if the action's handler declared itself {@link ReadOnly}. */
  public boolean isReadOnly(SdkRequest request) {
    return registry.isReadOnly(request.getClass());
  }

  private boolean applyEvent(ControlEvent event, Instant now) {
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

  private SdkResponse invoke(RequestContext ctx, SdkRequest request) {
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

  private void notifyListeners(long changed) {
    for (LongConsumer l : listeners) {
      l.accept(changed);
    }
  }

  public static String actionName(SdkRequest request) {
    String name = request.getClass().getSimpleName();
    return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
  }
}
