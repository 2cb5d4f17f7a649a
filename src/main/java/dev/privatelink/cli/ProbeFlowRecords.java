package dev.privatelink.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.ec2.model.FlowLog;

/**
 * How {@code trace} shows the flow-log records of its own probe: for each flow log that covers the
 * source instance, it waits for the delivery after the probe (bounded by the flow log's
 * MaxAggregationInterval and a margin) and reads the records with CloudWatch Logs'
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html">FilterLogEvents</a>,
 * a space-delimited pattern for the instance's address and the destination port (so both the
 * instance's interface and the destination's, when the flow log covers it, show their verdicts), from
 * the start of the probe's aggregation window. Records are printed as delivered, in the flow log's
 * field order, under a line naming the fields.
 */
final class ProbeFlowRecords {
  private static final Duration MARGIN = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(500);

  private ProbeFlowRecords() {}

  static void print(CloudWatchLogsClient logs, FlowLogHint.Watch watch, String port, Instant probeStart) {
    if (watch.flowLogs().isEmpty()) {
      System.out.println("no flow log covers " + watch.eni() + ", its subnet or its VPC: create one (CreateFlowLogs) to see"
          + " the attempt's records");
      return;
    }
    for (FlowLog log : watch.flowLogs()) {
      String pattern = FlowLogHint.pattern(log, watch, port, probeStart.getEpochSecond());
      Duration interval = Duration.ofSeconds(log.maxAggregationInterval() == null ? 600 : log.maxAggregationInterval());
      System.out.println();
      System.out.println("flow-log records of the probe (" + log.flowLogId() + " of " + log.resourceId() + ", log group "
          + log.logGroupName() + "; waiting up to " + interval.plus(MARGIN).toSeconds() + " s for the next delivery):");
      List<FilteredLogEvent> events = await(logs, log.logGroupName(), pattern, probeStart.minus(interval), interval.plus(MARGIN));
      if (events.isEmpty()) {
        System.out.println("  none delivered yet; later: aws logs filter-log-events --log-group-name " + log.logGroupName()
            + " --filter-pattern '" + pattern + "'");
      } else {
        System.out.println("  " + String.join(" ", FlowLogHint.fields(log)));
        events.forEach(e -> System.out.println("  " + e.message()));
      }
    }
  }

  private static List<FilteredLogEvent> await(CloudWatchLogsClient logs, String group, String pattern, Instant from,
      Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      List<FilteredLogEvent> events = new ArrayList<>();
      logs.filterLogEventsPaginator(r -> r.logGroupName(group).filterPattern(pattern).startTime(from.toEpochMilli()))
          .events().forEach(events::add);
      if (!events.isEmpty() || Instant.now().isAfter(deadline)) {
        return events;
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return events;
      }
    }
  }
}
