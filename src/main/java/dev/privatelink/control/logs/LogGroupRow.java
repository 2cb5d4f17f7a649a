package dev.privatelink.control.logs;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A log group: its name, creation time (epoch milliseconds, as CloudWatch Logs writes times),
 * retention in days (null: never expire) and tags.
 */
record LogGroupRow(String name, String arn, long creationTime, @Nullable Integer retentionInDays,
    Map<String, String> tags) {
  LogGroupRow {
    tags = Map.copyOf(tags);
  }

  LogGroupRow withRetention(@Nullable Integer days) {
    return new LogGroupRow(name, arn, creationTime, days, tags);
  }

  LogGroupRow withTags(Map<String, String> newTags) {
    return new LogGroupRow(name, arn, creationTime, retentionInDays, new TreeMap<>(newTags));
  }
}
