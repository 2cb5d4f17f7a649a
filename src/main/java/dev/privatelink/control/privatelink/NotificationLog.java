package dev.privatelink.control.privatelink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The connection notifications PrivateLink would have published to SNS, newest last, numbered
 * from 1. There is no SNS here: the integrator shows these to users (CLI follow, webhook). The log
 * is bounded, dropping the oldest, and is state like any other, so a replay rebuilds it.
 */
public final class NotificationLog {
  static final int DEFAULT_CAPACITY = 1000;
  private final int capacity;
  private final Deque<Message> messages = new ArrayDeque<>();
  private long lastSequence;

  NotificationLog(int capacity) {
    this.capacity = capacity;
  }

  void publish(String notificationId, String topicArn, String accountId, String region, Instant time,
      String event, String json) {
    messages.addLast(new Message(++lastSequence, notificationId, topicArn, accountId, region, time, event, json));
    while (messages.size() > capacity) {
      messages.removeFirst();
    }
  }

  /** The messages numbered above {@code sinceSequence} still held, oldest first. */
  public List<Message> since(long sinceSequence) {
    return messages.stream().filter(m -> m.sequence() > sinceSequence).toList();
  }

  public long lastSequence() {
    return lastSequence;
  }

  /**
   * One published notification.
   *
   * @param accountId the account that owns the notification (and its SNS topic)
   * @param event Accept, Connect, Delete or Reject
   * @param json the message body AWS would publish
   */
  public record Message(long sequence, String notificationId, String topicArn, String accountId, String region,
      Instant time, String event, String json) {}
}
