package dev.privatelink.api;

import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A server-sent events stream (for a browser's {@code EventSource}): one {@code picture} event
 * with the view at once, then one each time the view reads differently: at once when the cloud's
 * state version moves, and within {@link #REFRESH_MS} when something outside the state does (the
 * data plane's live flow counts). Changes that come in a burst are sent as one picture of the
 * latest state, so a slow client never falls behind. A comment line after {@link #KEEPALIVE_MS}
 * without an event finds a closed client and keeps idle proxies from cutting the stream.
 */
final class EventStream {
  static final long KEEPALIVE_MS = 15_000;
  static final long REFRESH_MS = 500;

  /** Where a stream's events go: each write is flushed to the client before it returns. */
  interface Sink {
    void write(String text) throws IOException, InterruptedException;

    boolean open();

    /** Runs {@code action} once the client has gone. */
    void onClose(Runnable action);
  }

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

  /** Streams {@code view} of the granted account (null: every account) to {@code out} until the client goes. */
  void stream(Sink out, Function<@Nullable String, String> view, @Nullable String accountId) {
    // A client that leaves while the stream waits for a change ends the wait at once.
    out.onClose(() -> {
      synchronized (changed) {
        changed.notifyAll();
      }
    });
    String sent = null;
    long lastWrite = System.currentTimeMillis();
    try {
      while (out.open()) {
        long version = cloud.version();
        String picture = view.apply(accountId);
        if (!picture.equals(sent)) {
          out.write("event: picture\ndata: " + picture + "\n\n");
          sent = picture;
          lastWrite = System.currentTimeMillis();
        } else if (System.currentTimeMillis() - lastWrite >= KEEPALIVE_MS) {
          out.write(": keepalive\n\n");
          lastWrite = System.currentTimeMillis();
        }
        awaitChange(version, out);
      }
    } catch (IOException e) {
      // The client went away: the stream is over.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The headers are sent: all that is left is to end the stream; the browser reconnects.
      System.getLogger(EventStream.class.getName()).log(System.Logger.Level.ERROR, "console picture failed", e);
    }
  }

  /** Waits until the version differs from {@code seen}, the client goes, or the refresh interval passes. */
  private void awaitChange(long seen, Sink out) throws InterruptedException {
    long deadline = System.currentTimeMillis() + REFRESH_MS;
    synchronized (changed) {
      while (cloud.version() == seen && out.open()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        changed.wait(left);
      }
    }
  }
}
