package dev.privatelink.api;

import com.sun.net.httpserver.HttpExchange;
import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A server-sent events stream (for a browser's {@code EventSource}): one {@code picture} event
 * with the view at once, then one each time the cloud's state version moves, until the client
 * goes away or the server stops. Changes that come in a burst are sent as one picture of the
 * latest state, so a slow client never falls behind. A comment line every {@link #KEEPALIVE_MS}
 * finds a closed client and keeps idle proxies from cutting the stream.
 */
final class EventStream {
  static final long KEEPALIVE_MS = 15_000;
  private final Cloud cloud;
  private final Object changed = new Object();

  EventStream(Cloud cloud) {
    this.cloud = cloud;
    cloud.onChange(version -> {
      synchronized (changed) {
        changed.notifyAll();
      }
    });
  }

  /** Streams {@code view} of the granted account (null: every account) on {@code exchange} until it closes. */
  void stream(HttpExchange exchange, Function<@Nullable String, String> view, @Nullable String accountId) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream;charset=UTF-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    long sent = Long.MIN_VALUE;
    try {
      while (true) {
        long version = cloud.version();
        if (version != sent) {
          write(out, "event: picture\ndata: " + view.apply(accountId) + "\n\n");
          sent = version;
        } else if (!awaitChange(sent)) {
          write(out, ": keepalive\n\n");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The headers are sent: all that is left is to end the stream; the browser reconnects.
      System.getLogger(EventStream.class.getName()).log(System.Logger.Level.ERROR, "console picture failed", e);
    }
  }

  /** Waits until the version differs from {@code seen}; false if the keepalive interval passed first. */
  private boolean awaitChange(long seen) throws InterruptedException {
    long deadline = System.currentTimeMillis() + KEEPALIVE_MS;
    synchronized (changed) {
      while (cloud.version() == seen) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        changed.wait(left);
      }
    }
    return true;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
