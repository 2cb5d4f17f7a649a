package dev.privatelink.dataplane.netns;

import java.util.concurrent.Callable;

/**
 * Runs code with the calling thread inside a named network namespace, so that sockets it creates
 * belong to that namespace (a socket keeps its namespace after the thread switches back).
 * {@link #HOST} ignores the name: it is for tests that run on loopback without root.
 */
public interface Namespaces {
  /** Calls {@code action} on this thread while it is inside {@code netns}, then switches back. */
  <T> T call(String netns, Callable<T> action) throws Exception;

  /** Runs everything in the caller's own namespace. */
  Namespaces HOST = new Namespaces() {
    @Override
    public <T> T call(String netns, Callable<T> action) throws Exception {
      return action.call();
    }
  };
}
