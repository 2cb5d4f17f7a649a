package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.privatelink.NotificationLog;
import java.lang.System.Logger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import dev.privatelink.util.concurrent.CoalescingRunner;

/**
 * Delivers endpoint connection notifications (Accept, Connect, Delete, Reject) to a URL the user
 * gave, in place of the SNS topic AWS would publish to: one POST per message, its body the JSON AWS
 * would publish, in order. A message the URL refuses is logged and not retried forever.
 */
final class NotificationWebhook implements AutoCloseable {
  private static final Logger LOG = System.getLogger(NotificationWebhook.class.getName());
  private static final int TRIES = 3;
  private final Cloud cloud;
  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  // Interrupted on close: a slow URL must not hold the cloud's shutdown for its timeouts.
  private final CoalescingRunner sender =
      new CoalescingRunner("notification-webhook", CoalescingRunner.OnClose.INTERRUPT, Duration.ZERO, this::deliverNew);
  private long delivered;

  NotificationWebhook(Cloud cloud, URI url) {
    this.cloud = cloud;
    this.url = url;
  }

  void start() {
    delivered = cloud.read(f -> f.privateLink().notifications(0)).stream()
        .mapToLong(NotificationLog.Message::sequence).max().orElse(0);
    cloud.onChange(v -> sender.request());
  }

  private void deliverNew() {
    List<NotificationLog.Message> all = cloud.read(f -> f.privateLink().notifications(0));
    if (all.isEmpty() || all.getLast().sequence() < delivered) {
      delivered = 0; // the cloud was reset: its log starts again at 1
    }
    List<NotificationLog.Message> fresh = all.stream().filter(m -> m.sequence() > delivered).toList();
    for (NotificationLog.Message m : fresh) {
      post(m);
      delivered = m.sequence();
    }
  }

  private void post(NotificationLog.Message m) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("X-Privatelink-Event", m.event())
        .header("X-Privatelink-Topic-Arn", m.topicArn()).POST(HttpRequest.BodyPublishers.ofString(m.json())).build();
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 300) {
          return;
        }
        LOG.log(Logger.Level.WARNING, url + " answered " + status + " to notification " + m.sequence());
      } catch (java.io.IOException e) {
        LOG.log(Logger.Level.WARNING, "notification " + m.sequence() + " not delivered to " + url + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    sender.close();
    http.close();
  }
}
