package dev.privatelink.control.logs;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.SearchedLogStream;

/**
 * Reading events back:
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetLogEvents.html">GetLogEvents</a>
 * (one stream; the newest {@code limit} events unless {@code startFromHead}; forward and backward
 * tokens, the same token coming back at either end as AWS signals the end) and
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html">FilterLogEvents</a>
 * (every stream of a group, or those named or prefixed, in timestamp order, with a filter pattern,
 * {@code [startTime, endTime)} and a token naming the last event returned).
 */
public final class LogEventQueries implements ActionHandler {
  private static final int MAX_EVENTS = 10_000;
  private final LogsState state;

  LogEventQueries(LogsState state) {
    this.state = state;
  }

  @ReadOnly
  public GetLogEventsResponse getLogEvents(RequestContext ctx, GetLogEventsRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), request.logGroupIdentifier());
    LogStreamRow stream = state.streams.find(ctx.scope(), LogStreamRow.key(group.name(), request.logStreamName()))
        .orElseThrow(LogsErrors::streamNotFound);
    List<StoredEvent> events = inRange(stream.events(), request.startTime(), request.endTime());
    int limit = LogStreamActions.limit(request.limit(), MAX_EVENTS);
    int from;
    int to;
    String token = request.nextToken();
    if (token != null) {
      int at = streamToken(token);
      boolean forward = token.startsWith("f/");
      from = forward ? Math.min(at, events.size()) : Math.max(0, Math.min(at, events.size()) - limit);
      to = forward ? Math.min(events.size(), from + limit) : Math.min(at, events.size());
    } else if (Boolean.TRUE.equals(request.startFromHead())) {
      from = 0;
      to = Math.min(events.size(), limit);
    } else {
      to = events.size();
      from = Math.max(0, to - limit);
    }
    List<OutputLogEvent> out = events.subList(from, to).stream().map(e -> OutputLogEvent.builder()
        .timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime()).build()).toList();
    return GetLogEventsResponse.builder().events(out).nextForwardToken(String.format("f/%056d", to))
        .nextBackwardToken(String.format("b/%056d", from)).build();
  }

  @ReadOnly
  public FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest request) {
    LogGroupRow group = LogGroupActions.find(state, ctx.scope(), request.logGroupName(), request.logGroupIdentifier());
    if (request.hasLogStreamNames() && request.logStreamNamePrefix() != null) {
      throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
    }
    FilterPattern pattern = FilterPattern.parse(request.filterPattern() == null ? "" : request.filterPattern());
    int limit = LogStreamActions.limit(request.limit(), MAX_EVENTS);
    @Nullable String after = request.nextToken() == null ? null : filterToken(request.nextToken());
    List<LogStreamRow> streams = Logs.streamsOf(state, ctx.scope(), group.name()).stream()
        .filter(s -> !request.hasLogStreamNames() || request.logStreamNames().contains(s.name()))
        .filter(s -> request.logStreamNamePrefix() == null || s.name().startsWith(request.logStreamNamePrefix())).toList();
    List<FilteredLogEvent> matched = new ArrayList<>();
    for (LogStreamRow s : streams) {
      for (StoredEvent e : inRange(s.events(), request.startTime(), request.endTime())) {
        if ((after == null || e.eventId().compareTo(after) > 0) && pattern.matches(e.message())) {
          matched.add(FilteredLogEvent.builder().logStreamName(s.name()).timestamp(e.timestamp()).message(e.message())
              .ingestionTime(e.ingestionTime()).eventId(e.eventId()).build());
        }
      }
    }
    matched.sort(Comparator.comparing(FilteredLogEvent::eventId));
    List<FilteredLogEvent> page = matched.size() > limit ? matched.subList(0, limit) : matched;
    String next = matched.size() > limit ? Base64.getUrlEncoder().encodeToString(
        ("e1:" + page.getLast().eventId()).getBytes(StandardCharsets.UTF_8)) : null;
    return FilterLogEventsResponse.builder().events(page).nextToken(next)
        .searchedLogStreams(streams.stream().map(s -> SearchedLogStream.builder().logStreamName(s.name())
            .searchedCompletely(next == null).build()).toList()).build();
  }

  private static List<StoredEvent> inRange(List<StoredEvent> events, @Nullable Long start, @Nullable Long end) {
    if (start == null && end == null) {
      return events;
    }
    return events.stream().filter(e -> (start == null || e.timestamp() >= start) && (end == null || e.timestamp() < end))
        .toList();
  }

  private static int streamToken(String token) {
    if ((token.startsWith("f/") || token.startsWith("b/")) && token.length() == 58) {
      try {
        return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(token.substring(2)));
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw LogsErrors.invalid("The specified nextToken is invalid.");
  }

  private static String filterToken(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("e1:")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw LogsErrors.invalid("The specified nextToken is invalid.");
  }
}
