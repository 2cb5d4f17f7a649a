package dev.privatelink.dataplane.elb;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A JUnit extension that closes what a test opened (backends, engines, sockets), last opened first. */
public final class Resources implements AfterEachCallback {
  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  public synchronized <T extends AutoCloseable> T add(T resource) {
    open.push(resource);
    return resource;
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception ignored) {
        // closing is best effort; the next test uses fresh ports
      }
    }
  }
}
