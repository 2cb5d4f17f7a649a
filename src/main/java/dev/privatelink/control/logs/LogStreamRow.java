package dev.privatelink.control.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log stream and its events, kept ordered by timestamp (then arrival), as GetLogEvents returns
 * them. At most {@link #MAX_EVENTS} are kept, the oldest dropped first, so a busy flow log stays
 * bounded even under a long retention.
 */
record LogStreamRow(String groupName, String name, long creationTime, List<StoredEvent> events, long appended,
    @Nullable Long lastIngestionTime) {
  static final int MAX_EVENTS = 20_000;

  LogStreamRow {
    events = List.copyOf(events);
  }

  static String key(String groupName, String streamName) {
    // A stream name can hold neither ':' nor '*', so the key is unambiguous.
    return groupName + ":" + streamName;
  }

  /** The stream with {@code added} ingested at {@code now}, and events older than {@code oldest} dropped. */
  LogStreamRow append(List<StoredEvent> added, long now, long oldest) {
    List<StoredEvent> all = new ArrayList<>(events.size() + added.size());
    for (StoredEvent e : events) {
      if (e.timestamp() >= oldest) {
        all.add(e);
      }
    }
    all.addAll(added);
    all.sort(Comparator.comparingLong(StoredEvent::timestamp));
    if (all.size() > MAX_EVENTS) {
      all = all.subList(all.size() - MAX_EVENTS, all.size());
    }
    return new LogStreamRow(groupName, name, creationTime, all, appended + added.size(), added.isEmpty() ? lastIngestionTime : Long.valueOf(now));
  }

  /** The id of the {@code n}th event ever appended to this stream: unique within the log group. */
  String eventId(long timestamp, long n) {
    return String.format("%020d%010d%010d", timestamp, key(groupName, name).hashCode() & 0x7fffffff, n);
  }

  long storedBytes() {
    long sum = 0;
    for (StoredEvent e : events) {
      sum += e.message().length();
    }
    return sum;
  }

  @Nullable Long firstEventTimestamp() {
    return events.isEmpty() ? null : events.getFirst().timestamp();
  }

  @Nullable Long lastEventTimestamp() {
    return events.isEmpty() ? null : events.getLast().timestamp();
  }
}
