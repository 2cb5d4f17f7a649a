package dev.privatelink.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import dev.privatelink.control.MutationLog;

/**
 * The journal: numbered JSON lines (see {@link JournalLines}) in segment files
 * {@code journal-<n>.jsonl}, appended in order and forced with group commit: a writer that needs
 * its record durable forces the file once for every record written before the force began, so
 * concurrent writers share fsyncs. A force that fails marks the records it should have covered as
 * lost and cuts them off the file, so the disk never holds a change its writer was told failed; the
 * records written while it ran lie behind them and are cut off too, but they are not lost: the
 * writer learns of them ({@link #discardUnsynced}) and may write them again.
 * Compaction rotates to a new segment; segments wholly covered by a snapshot are deleted.
 */
public final class Journal implements AutoCloseable {
  /** How records reach the disk; tests inject failures here. */
  @FunctionalInterface
  public interface Disk {
    void force(FileChannel channel) throws IOException;

    Disk REAL = channel -> channel.force(false);
  }

  private final Path dir;
  private final Disk disk;
  private final ReentrantLock forcing = new ReentrantLock();
  private final Object writing = new Object();
  private final List<long[]> lost = new ArrayList<>();
  /** The last failure's records: {@code [durable, lost through, cut through]}, until discardUnsynced. */
  private MutationLog.Discarded failure = new MutationLog.Discarded(0, 0, 0);
  private FileChannel channel;
  private long segment;
  private long writtenSeq;
  private long writtenOffset;
  private long olderBytes;
  private volatile long durableSeq;
  private long durableOffset;
  private boolean broken;
  private boolean fenced;

  private Journal(Path dir, Disk disk, long segment, FileChannel channel, long lastSeq, long olderBytes) throws IOException {
    this.dir = dir;
    this.disk = disk;
    this.segment = segment;
    this.channel = channel;
    this.writtenSeq = lastSeq;
    this.durableSeq = lastSeq;
    this.writtenOffset = channel.size();
    this.durableOffset = writtenOffset;
    this.olderBytes = olderBytes;
  }

  /** Opens the journal for appending after {@code lastSeq}; the last segment's torn line is cut off. */
  static Journal open(Path dir, long lastSeq, Disk disk) throws IOException {
    List<Path> segments = segments(dir);
    long number = segments.isEmpty() ? 1 : number(segments.getLast());
    Path file = segmentFile(dir, number);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long good = JournalReader.lastCompleteLineEnd(channel);
    channel.truncate(good);
    channel.position(good);
    long older = 0;
    for (Path p : segments) {
      if (!p.equals(file)) {
        older += Files.size(p);
      }
    }
    return new Journal(dir, disk, number, channel, lastSeq, older);
  }

  /** Writes one record after every earlier one; returns its number. Not yet durable. */
  long append(MutationLog.Entry entry) {
    String body = JournalLines.encode(entry);
    synchronized (writing) {
      if (broken) {
        throw new UncheckedIOException(new IOException("the journal could not be repaired after a failed write"));
      }
      if (fenced) {
        // A force failed and the writer's state still holds the lost changes: nothing may be
        // written on top of them until the cloud has restored its state (discardUnsynced).
        throw new UncheckedIOException(new IOException("a failed force is being undone"));
      }
      long seq = writtenSeq + 1;
      ByteBuffer buffer = ByteBuffer.wrap(JournalLines.numbered(seq, body).getBytes(StandardCharsets.UTF_8));
      try {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        cutBackTo(writtenOffset);
        throw new UncheckedIOException("could not write the change", e);
      }
      writtenOffset += buffer.capacity();
      writtenSeq = seq;
      return seq;
    }
  }

  /** Returns once record {@code seq} is durable (forcing the file if no one else has yet). */
  void sync(long seq) {
    if (seq <= durableSeq) {
      checkNotLost(seq);
      return;
    }
    forcing.lock();
    try {
      checkNotLost(seq);
      if (seq <= durableSeq) {
        return;
      }
      long target;
      long offset;
      synchronized (writing) {
        target = writtenSeq;
        offset = writtenOffset;
      }
      try {
        disk.force(channel);
      } catch (IOException e) {
        synchronized (writing) {
          fenced |= markLost(target);
        }
        throw new MutationLog.NotDurable("could not make the change durable", e);
      }
      durableOffset = offset;
      durableSeq = target;
    } finally {
      forcing.unlock();
    }
  }

  long durableSeq() {
    return durableSeq;
  }

  /**
   * After a failed force: which records it lost and which it cut off behind them (none if no force
   * failed since the last call). The caller has restored its state to {@link #durableSeq()}, so
   * writes may resume.
   */
  MutationLog.Discarded discardUnsynced() {
    forcing.lock();
    try {
      synchronized (writing) {
        MutationLog.Discarded discarded = fenced ? failure : new MutationLog.Discarded(durableSeq, durableSeq, durableSeq);
        fenced = false;
        return discarded;
      }
    } finally {
      forcing.unlock();
    }
  }

  /**
   * Under {@code writing}: a force that was to cover records up to {@code covered} failed. They are
   * lost; every later one is cut off with them (the file cannot keep a hole) and is no longer
   * durable by a later force either. Returns true if this failure is new (its writer restores the
   * state); false while an earlier one is still being undone.
   */
  private boolean markLost(long covered) {
    if (fenced || writtenSeq <= durableSeq) {
      return false;
    }
    lost.add(new long[] {durableSeq + 1, writtenSeq});
    failure = new MutationLog.Discarded(durableSeq, covered, writtenSeq);
    cutBackTo(durableOffset);
    return true;
  }

  /** Forces the current segment and starts a new one; returns the last number the old ones hold. */
  long rotate() throws IOException {
    forcing.lock();
    try {
      synchronized (writing) {
        try {
          disk.force(channel);
        } catch (IOException e) {
          fenced |= markLost(writtenSeq);
          throw e;
        }
        durableSeq = writtenSeq;
        olderBytes += writtenOffset;
        channel.close();
        segment++;
        channel = FileChannel.open(segmentFile(dir, segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writtenOffset = 0;
        durableOffset = 0;
        DataDir.forceDirectory(dir);
        return writtenSeq;
      }
    } finally {
      forcing.unlock();
    }
  }

  /** Deletes the segments before the current one (a snapshot covers them). */
  void dropOlderSegments() throws IOException {
    long current;
    synchronized (writing) {
      current = segment;
    }
    for (Path p : segments(dir)) {
      if (number(p) < current) {
        Files.delete(p);
      }
    }
    synchronized (writing) {
      olderBytes = 0;
    }
    DataDir.forceDirectory(dir);
  }

  /** Bytes of journal a restart would replay (every segment). */
  long bytes() {
    synchronized (writing) {
      return olderBytes + writtenOffset;
    }
  }

  long lastSeq() {
    synchronized (writing) {
      return writtenSeq;
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (writing) {
      channel.close();
    }
  }

  private void checkNotLost(long seq) {
    synchronized (writing) {
      for (long[] range : lost) {
        if (seq >= range[0] && seq <= range[1]) {
          throw new MutationLog.NotDurable("the change was not made durable", null);
        }
      }
    }
  }

  /** Under {@code writing}: the file ends at {@code offset} again, or the journal refuses writes. */
  private void cutBackTo(long offset) {
    try {
      channel.truncate(offset);
      channel.position(offset);
      writtenOffset = offset;
    } catch (IOException e) {
      broken = true;
    }
  }

  static List<Path> segments(Path dir) throws IOException {
    Path legacy = dir.resolve("journal.jsonl");
    if (Files.exists(legacy)) {
      // A data dir from before segments: its journal is the first segment.
      Files.move(legacy, segmentFile(dir, 1));
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("journal-\\d{20}\\.jsonl")).sorted().toList();
    }
  }

  static Path segmentFile(Path dir, long number) {
    return dir.resolve(String.format("journal-%020d.jsonl", number));
  }

  private static long number(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring("journal-".length(), name.length() - ".jsonl".length()));
  }
}
