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

  /**
   * The identity of the namespace now named {@code netns}, or -1 when there is none: sockets bound
   * while it had another identity are in a namespace the name no longer reaches.
   */
  default long identity(String netns) {
    return NamedNamespaces.identity(netns);
  }

  /** Runs everything in the caller's own namespace. */
  Namespaces HOST = new Namespaces() {
    @Override
    public <T> T call(String netns, Callable<T> action) throws Exception {
      return action.call();
    }

    @Override
    public long identity(String netns) {
      return 0;
    }
  };
}
