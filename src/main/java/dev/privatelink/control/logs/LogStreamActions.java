package dev.privatelink.control.logs;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.query.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * Log streams and the writing of events:
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html">PutLogEvents</a>
 * with AWS's rules (at most 10,000 events and 1,048,576 bytes counting 26 bytes per event, in
 * chronological order, spanning at most 24 hours; events more than 14 days old or older than the
 * retention, or more than 2 hours ahead, are left out and reported in rejectedLogEventsInfo; the
 * sequence token is accepted and ignored, as AWS now does), CreateLogStream, DeleteLogStream and
 * DescribeLogStreams.
 */
public final class LogStreamActions implements ActionHandler {
  private static final int MAX_BATCH_EVENTS = 10_000;
  private static final int MAX_BATCH_BYTES = 1_048_576;
  private static final int EVENT_OVERHEAD = 26;
  private final LogsState state;

  LogStreamActions(LogsState state) {
    this.state = state;
  }

  public CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null);
    String name = request.logStreamName();
    if (name.isEmpty() || name.length() > 512 || name.contains(":") || name.contains("*")) {
      throw LogsErrors.validation(name, "logStreamName", "Member must satisfy regular expression pattern: [^:*]*");
    }
    String key = LogStreamRow.key(group.name(), name);
    if (state.streams.find(ctx.scope(), key).isPresent()) {
      throw LogsErrors.streamExists();
    }
    state.streams.put(ctx.scope(), key, new LogStreamRow(group.name(), name, ctx.now().toEpochMilli(), List.of(), 0, null));
    return CreateLogStreamResponse.builder().build();
  }

  public DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null);
    if (state.streams.remove(ctx.scope(), LogStreamRow.key(group.name(), request.logStreamName())) == null) {
      throw LogsErrors.streamNotFound();
    }
    return DeleteLogStreamResponse.builder().build();
  }

  @ReadOnly
  public DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), request.logGroupIdentifier());
    boolean byTime = request.orderBy() == OrderBy.LAST_EVENT_TIME;
    if (byTime && request.logStreamNamePrefix() != null) {
      throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    Comparator<LogStreamRow> order = byTime
        ? Comparator.comparing((LogStreamRow s) -> s.lastEventTimestamp() == null ? 0L : s.lastEventTimestamp())
            .thenComparing(LogStreamRow::name)
        : Comparator.comparing(LogStreamRow::name);
    if (Boolean.TRUE.equals(request.descending())) {
      order = order.reversed();
    }
    List<LogStreamRow> streams = Logs.streamsOf(state, ctx.scope(), group.name()).stream()
        .filter(s -> request.logStreamNamePrefix() == null || s.name().startsWith(request.logStreamNamePrefix()))
        .sorted(order).toList();
    Page<LogStreamRow> page = Page.of(streams, LogStreamRow::name, limit(request.limit(), 50), request.nextToken(),
        LogStreamActions::badToken);
    String arnPrefix = group.arn().substring(0, group.arn().length() - 1);
    return DescribeLogStreamsResponse.builder().logStreams(page.items().stream().map(s -> LogStream.builder()
        .logStreamName(s.name()).creationTime(s.creationTime()).firstEventTimestamp(s.firstEventTimestamp())
        .lastEventTimestamp(s.lastEventTimestamp()).lastIngestionTime(s.lastIngestionTime())
        .uploadSequenceToken(sequenceToken(s)).arn(arnPrefix + "log-stream:" + s.name()).storedBytes(0L).build()).toList())
        .nextToken(page.nextToken()).build();
  }

  public PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), null);
    String key = LogStreamRow.key(group.name(), request.logStreamName());
    LogStreamRow stream = state.streams.find(ctx.scope(), key).orElseThrow(LogsErrors::streamNotFound);
    List<InputLogEvent> events = request.logEvents();
    checkBatch(events);
    Instant now = ctx.now();
    long tooOld = now.minus(Duration.ofDays(14)).toEpochMilli();
    long expired = Logs.oldestKept(group, now);
    long tooNew = now.plus(Duration.ofHours(2)).toEpochMilli();
    int tooOldEnd = 0;
    int expiredEnd = 0;
    int tooNewStart = events.size();
    List<Logs.TimedMessage> kept = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long t = events.get(i).timestamp();
      if (t < tooOld) {
        tooOldEnd = i + 1;
      } else if (t < expired) {
        expiredEnd = i + 1;
      } else if (t > tooNew) {
        tooNewStart = Math.min(tooNewStart, i);
      } else {
        kept.add(new Logs.TimedMessage(t, events.get(i).message()));
      }
    }
    LogStreamRow updated = appendTo(stream, group, kept, now);
    state.streams.put(ctx.scope(), key, updated);
    RejectedLogEventsInfo rejected = tooOldEnd == 0 && expiredEnd == 0 && tooNewStart == events.size() ? null
        : RejectedLogEventsInfo.builder().tooOldLogEventEndIndex(tooOldEnd == 0 ? null : tooOldEnd)
            .expiredLogEventEndIndex(expiredEnd == 0 ? null : expiredEnd)
            .tooNewLogEventStartIndex(tooNewStart == events.size() ? null : tooNewStart).build();
    return PutLogEventsResponse.builder().nextSequenceToken(sequenceToken(updated)).rejectedLogEventsInfo(rejected).build();
  }

  /** {@code stream} with {@code messages} ingested at {@code now}, under the group's retention. */
  static LogStreamRow appendTo(LogStreamRow stream, LogGroupRow group, List<Logs.TimedMessage> messages, Instant now) {
    List<StoredEvent> added = new ArrayList<>(messages.size());
    long n = stream.appended();
    for (Logs.TimedMessage m : messages) {
      added.add(new StoredEvent(m.timestamp(), now.toEpochMilli(), m.message(), stream.eventId(m.timestamp(), n++)));
    }
    return stream.append(added, now.toEpochMilli(), Logs.oldestKept(group, now));
  }

  private static void checkBatch(List<InputLogEvent> events) {
    if (events.isEmpty() || events.size() > MAX_BATCH_EVENTS) {
      throw LogsErrors.validation("[" + events.size() + " events]", "logEvents",
          "Member must have length less than or equal to 10000 and greater than or equal to 1");
    }
    long bytes = 0;
    for (int i = 0; i < events.size(); i++) {
      InputLogEvent e = events.get(i);
      if (e.timestamp() == null || e.message() == null) {
        throw LogsErrors.validation("null", "logEvents." + (i + 1) + ".member." + (e.timestamp() == null ? "timestamp" : "message"),
            "Member must not be null");
      }
      if (i > 0 && e.timestamp() < events.get(i - 1).timestamp()) {
        throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological order.");
      }
      bytes += e.message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
    }
    if (bytes > MAX_BATCH_BYTES) {
      throw LogsErrors.invalid("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
    }
    if (events.getLast().timestamp() - events.getFirst().timestamp() > Duration.ofHours(24).toMillis()) {
      throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    }
  }

  private static @Nullable String sequenceToken(LogStreamRow s) {
    return s.appended() == 0 ? null : String.format("%056d", s.appended());
  }

  static Integer limit(@Nullable Integer limit, int max) {
    if (limit == null) {
      return max;
    }
    if (limit < 1 || limit > max) {
      throw LogsErrors.validation(String.valueOf(limit), "limit", "Member must have value less than or equal to " + max
          + " and greater than or equal to 1");
    }
    return limit;
  }

  static AwsException badToken(String token) {
    return LogsErrors.invalid("The specified nextToken is invalid.");
  }
}
