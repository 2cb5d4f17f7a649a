package dev.privatelink.api.fuzz;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the server logged at WARNING or above, or with a stack trace, while the fuzz ran. */
final class ServerLog extends Handler implements AutoCloseable {
  private final List<String> records = new CopyOnWriteArrayList<>();

  static ServerLog capture() {
    ServerLog log = new ServerLog();
    Logger.getLogger("").addHandler(log);
    return log;
  }

  @Override
  public void publish(LogRecord r) {
    if (r.getLoggerName() != null && r.getLoggerName().startsWith("dev.privatelink")
        && (r.getThrown() != null || r.getLevel().intValue() >= Level.WARNING.intValue())) {
      records.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
          + (r.getThrown() == null ? "" : " " + r.getThrown()));
    }
  }

  List<String> records() {
    return List.copyOf(records);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}
