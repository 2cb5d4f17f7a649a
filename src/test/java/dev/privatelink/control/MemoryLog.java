package dev.privatelink.control;

import java.util.ArrayList;
import java.util.List;

/** A journal kept in memory (every record durable at once), to check that replay rebuilds the same state. */
public final class MemoryLog implements MutationLog {
  private final List<Entry> entries = new ArrayList<>();

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** A cloud rebuilt from these records, as a start-up would. */
  public Cloud replayed() {
    Cloud cloud = Cloud.recovering(MutationLog.NONE, java.time.Clock.systemUTC());
    entries().forEach(cloud::replay);
    cloud.open();
    return cloud;
  }

  @Override public synchronized long append(Entry entry) {
    entries.add(entry);
    return entries.size();
  }

  @Override public void sync(long seq) {}

  @Override public synchronized long durableSeq() {
    return entries.size();
  }

  @Override public synchronized Discarded discardUnsynced() {
    return new Discarded(entries.size(), entries.size(), entries.size());
  }

  @Override public synchronized void reset() {
    entries.clear();
  }
}
