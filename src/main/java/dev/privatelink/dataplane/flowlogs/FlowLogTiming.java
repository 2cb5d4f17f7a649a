package dev.privatelink.dataplane.flowlogs;

import java.time.Duration;

/**
 * How often flows are aggregated into records: every few seconds here by default, so a test sees
 * its records at once, or at each flow log's MaxAggregationInterval (60 or 600 s) as on AWS.
 */
public enum FlowLogTiming {
  FAST, AWS;

  /** The local aggregation interval of {@link #FAST}. */
  public static final Duration FAST_INTERVAL = Duration.ofSeconds(5);

  Duration interval(int maxAggregationIntervalSeconds) {
    return this == FAST ? FAST_INTERVAL : Duration.ofSeconds(maxAggregationIntervalSeconds);
  }

  /** The word the command line uses. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
