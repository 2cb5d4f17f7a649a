package dev.privatelink.control.logs;

import dev.privatelink.control.ScopedTable;

/** Every log group and log stream, per account and region. Streams are keyed by {@link LogStreamRow#key}. */
final class LogsState {
  final ScopedTable<LogGroupRow> groups = new ScopedTable<>();
  final ScopedTable<LogStreamRow> streams = new ScopedTable<>();
}
