package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.Scope;
import java.time.Instant;
import java.util.List;

/** Where flow logs deliver: CloudWatch Logs, seen as the few calls the flow logs service makes on it. */
public interface FlowLogDestinations {
  /** Makes the log group if it does not exist, as flow logs do through their role. */
  void ensureGroup(Scope scope, String groupName, Instant now);

  /** Writes records (epoch-millisecond timestamp, text) to a stream of the group, made if missing. */
  boolean deliver(Scope scope, String groupName, String streamName, List<TimedRecord> records, Instant now);

  /** One record line and its event timestamp, epoch milliseconds. */
  record TimedRecord(long timestamp, String message) {}
}
