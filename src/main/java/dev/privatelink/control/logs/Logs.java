package dev.privatelink.control.logs;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amazon CloudWatch Logs: the feature's state and its action handlers, and the delivery path other
 * features (VPC Flow Logs) use to write events into a log group as the service would.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/Welcome.html">CloudWatch Logs API</a>
 */
public final class Logs {
  private final LogsState state = new LogsState();
  private final List<ActionHandler> parts = List.of(new LogGroupActions(state), new LogTagActions(state),
      new LogStreamActions(state), new LogEventQueries(state));

  public List<ActionHandler> parts() {
    return parts;
  }

  /** True if the log group exists in the scope. */
  public boolean hasGroup(Scope scope, String groupName) {
    return state.groups.find(scope, groupName).isPresent();
  }

  /** Makes a log group outside the API (flow logs make theirs), if it does not exist. */
  public void ensureGroup(Scope scope, String groupName, Instant now) {
    if (state.groups.find(scope, groupName).isEmpty()) {
      state.groups.put(scope, groupName, new LogGroupRow(groupName, LogGroupActions.arn(scope, groupName),
          now.toEpochMilli(), null, java.util.Map.of()));
    }
  }

  /** The group name an ARN ({@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]}) of the scope names. */
  public static Optional<String> groupNameOf(Scope scope, String arn) {
    String prefix = "arn:aws:logs:" + scope.region() + ":" + scope.accountId() + ":log-group:";
    if (!arn.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = arn.substring(prefix.length());
    return Optional.of(name.endsWith(":*") ? name.substring(0, name.length() - 2) : name);
  }

  /**
   * Delivers messages to a stream as a service does (the stream is made when missing), each at its
   * own timestamp (epoch milliseconds); does nothing if the group no longer exists, as a flow log
   * whose group was deleted delivers nothing. True if anything was written.
   */
  public boolean deliver(Scope scope, String groupName, String streamName, List<TimedMessage> messages, Instant now) {
    Optional<LogGroupRow> group = state.groups.find(scope, groupName);
    if (group.isEmpty() || messages.isEmpty()) {
      return false;
    }
    String key = LogStreamRow.key(groupName, streamName);
    LogStreamRow stream = state.streams.find(scope, key)
        .orElseGet(() -> new LogStreamRow(groupName, streamName, now.toEpochMilli(), List.of(), 0, null));
    state.streams.put(scope, key, LogStreamActions.appendTo(stream, group.get(), messages, now));
    return true;
  }

  /** One message and its timestamp, epoch milliseconds. */
  public record TimedMessage(long timestamp, String message) {}

  /** The oldest timestamp a group keeps at {@code now}: its retention, or forever. */
  static long oldestKept(LogGroupRow group, Instant now) {
    Integer days = group.retentionInDays();
    return days == null ? Long.MIN_VALUE : now.minus(Duration.ofDays(days)).toEpochMilli();
  }

  static List<LogStreamRow> streamsOf(LogsState state, Scope scope, String groupName) {
    List<LogStreamRow> out = new ArrayList<>();
    for (LogStreamRow s : state.streams.all(scope)) {
      if (s.groupName().equals(groupName)) {
        out.add(s);
      }
    }
    return out;
  }
}
