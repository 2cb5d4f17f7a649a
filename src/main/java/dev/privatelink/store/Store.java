package dev.privatelink.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.Features;
import dev.privatelink.control.MutationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The cloud's durable state in its data dir: a snapshot plus the journal's tail. {@link #open}
 * recovers a cloud from them (loading the snapshot, streaming the tail; a record that fails on
 * replay, say after an upgrade tightened a validation, is logged once and skipped); afterwards
 * every mutation is journaled with group commit, and a background thread compacts (snapshot from
 * a consistent copy, then drop the journal segments it covers) once the journal's tail holds
 * {@link #COMPACT_RECORDS} records or the compaction size in bytes, and at least half the last
 * snapshot's size (so that snapshots of a large state stay rare). A start so costs the live state
 * plus at most a few hundred replayed records, not the history.
 */
public final class Store implements MutationLog, AutoCloseable {
  /** The journal size from which compaction starts ({@code -Dprivatelink.compactBytes}, default 4 MiB). */
  public static final long DEFAULT_COMPACT_BYTES = Long.getLong("privatelink.compactBytes", 4L << 20);
  /** The records in the journal's tail from which compaction starts ({@code -Dprivatelink.compactRecords}). */
  public static final long COMPACT_RECORDS = Long.getLong("privatelink.compactRecords", 250);
  /**
   * Off ({@code -Dprivatelink.groupCommit=false}) forces each record inside {@link #append}, under
   * the cloud's writer lock, one fsync per mutation as before group commit: kept for the benchmark.
   */
  private final boolean groupCommit = !"false".equals(System.getProperty("privatelink.groupCommit"));
  private static final Logger LOG = System.getLogger(Store.class.getName());
  private final Path dir;
  private final long compactBytes;
  private final long compactRecords;
  private volatile long snapshotSeq;
  private final Semaphore due = new Semaphore(0);
  private final Object snapshotting = new Object();
  private final AtomicLong resets = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private final Cloud cloud;
  private @Nullable Journal journal;
  private @Nullable Thread compactor;
  private volatile long snapshotBytes;
  private volatile boolean closed;
  private long recoveredSeq;
  private int replayFailures;

  private Store(Path dir, long compactBytes, Clock clock) {
    this.dir = dir;
    this.compactBytes = compactBytes;
    this.compactRecords = compactBytes == Long.MAX_VALUE ? Long.MAX_VALUE : COMPACT_RECORDS;
    this.cloud = Cloud.recovering(this, clock);
  }

  /** Opens the store of a data dir and recovers its cloud. */
  public static Store open(Path dir) throws IOException {
    return open(dir, Journal.Disk.REAL, DEFAULT_COMPACT_BYTES, Clock.systemUTC());
  }

  /** A store whose compaction starts at {@code compactBytes} (Long.MAX_VALUE: never by itself). */
  public static Store open(Path dir, Journal.Disk disk, long compactBytes, Clock clock) throws IOException {
    Files.createDirectories(dir);
    Store store = new Store(dir, compactBytes, clock);
    store.recover(disk);
    return store;
  }

  /** The recovered cloud, journaling into this store. */
  public Cloud cloud() {
    return cloud;
  }

  /** The number of journal records replayed at start (after the snapshot). */
  public long replayed() {
    return recoveredSeq;
  }

  public int replayFailures() {
    return replayFailures;
  }

  public long compactions() {
    return compactions.get();
  }

  private void recover(Journal.Disk disk) throws IOException {
    Optional<Snapshots.Loaded> snapshot = Snapshots.read(dir);
    long after = 0;
    if (snapshot.isPresent()) {
      Snapshots.Loaded s = snapshot.get();
      after = s.seq();
      cloud.load(features -> decodeInto(s, features));
      snapshotBytes = Files.size(dir.resolve("snapshot.json"));
    }
    long[] count = {0};
    long last = JournalReader.replay(dir, after, new JournalReader.Sink() {
      @Override public void accept(long seq, MutationLog.Entry entry) {
        try {
          cloud.replay(entry);
          count[0]++;
        } catch (RuntimeException e) {
          failed(seq, describe(entry) + ": " + e.getMessage());
        }
      }

      @Override public void failed(long seq, String reason) {
        replayFailures++;
        LOG.log(Logger.Level.WARNING, "journal record " + seq + " could not be replayed and is skipped: " + reason);
      }
    });
    recoveredSeq = count[0];
    snapshotSeq = after;
    journal = Journal.open(dir, last, disk);
    cloud.open();
    compactor = Thread.ofPlatform().daemon().name("privatelink-compactor").start(this::compactLoop);
  }

  private static void decodeInto(Snapshots.Loaded s, Features features) {
    try {
      StateCodec.decode(s.state(), features, path -> LOG.log(Logger.Level.WARNING, "snapshot state " + path + " is unknown here; skipped"));
    } catch (IOException e) {
      throw new UncheckedIOException("the snapshot could not be read", e);
    }
  }

  private static String describe(MutationLog.Entry e) {
    return e.payload() instanceof SdkRequest r ? Cloud.actionName(r) : e.payload().getClass().getSimpleName();
  }

  @Override
  public long append(Entry entry) {
    long seq = journal().append(entry);
    if (!groupCommit) {
      journal().sync(seq);
    }
    if (compactionDue(seq) && due.availablePermits() == 0) {
      due.release();
    }
    return seq;
  }

  private boolean compactionDue(long seq) {
    long bytes = journal().bytes();
    return (seq - snapshotSeq >= compactRecords || bytes >= compactBytes) && bytes >= snapshotBytes / 2;
  }

  @Override
  public void sync(long seq) {
    journal().sync(seq);
  }

  @Override
  public long durableSeq() {
    return journal == null ? 0 : journal.durableSeq();
  }

  @Override
  public Discarded discardUnsynced() {
    return journal().discardUnsynced();
  }

  /** Under the cloud's writer lock, every record synced: an empty snapshot covers them all. */
  @Override
  public void reset() {
    synchronized (snapshotting) {
      resets.incrementAndGet();
      try {
        long last = journal().rotate();
        snapshotBytes = Snapshots.write(dir, last, StateCodec.encode(new Features()));
        snapshotSeq = last;
        journal().dropOlderSegments();
      } catch (IOException e) {
        throw new UncheckedIOException("could not reset the journal", e);
      }
    }
  }

  /** Snapshots the live state now and drops the journal it covers (also done in the background). */
  public void compact() throws IOException {
    long resetsBefore = resets.get();
    long rotatedAt = cloud.checkpoint(() -> {
      try {
        return journal().rotate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Snapshot taken;
    while ((taken = cloud.readAfter(rotatedAt, (seq, f) -> new Snapshot(seq, StateCodec.encode(f)))) == null) {
      sleepBriefly(); // the writers of the last records are publishing them
    }
    synchronized (snapshotting) {
      if (resets.get() != resetsBefore) {
        return; // a reset came in between: its empty snapshot is newer than this one
      }
      snapshotBytes = Snapshots.write(dir, taken.seq(), taken.state());
      snapshotSeq = taken.seq();
      journal().dropOlderSegments();
    }
    compactions.incrementAndGet();
  }

  private record Snapshot(long seq, ObjectNode state) {}

  private static void sleepBriefly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to snapshot", e);
    }
  }

  private void compactLoop() {
    while (!closed) {
      try {
        if (due.tryAcquire(1, TimeUnit.SECONDS) && !closed) {
          compact();
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(Logger.Level.WARNING, "compaction failed; the journal keeps growing until the next try", e);
      }
    }
  }

  private Journal journal() {
    Journal j = journal;
    if (j == null) {
      throw new IllegalStateException("the store is still recovering");
    }
    return j;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    due.release(); // wakes the compactor, which lets a compaction in progress finish (never cut by an interrupt)
    Thread t = compactor;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (journal != null) {
      journal.close();
    }
  }
}
