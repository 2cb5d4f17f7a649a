package dev.privatelink.dataplane.elb;

import io.netty.handler.ssl.OpenSsl;

/**
 * Loads OpenSSL (BoringSSL, through netty-tcnative) and makes the targets' client TLS context at
 * start, on a daemon thread, so that the first HTTPS listener of a stack does not do it while the
 * stack waits: loading the native library took about a second of the seed's first load balancer
 * pass on a loaded 2-core machine, on the path of its ALB turning ready. Both are work the first
 * HTTPS listener or health check would do anyway, so this adds none; a failure only means the first
 * listener pays as before.
 */
final class Warmup {
  private static final System.Logger LOG = System.getLogger(Warmup.class.getName());

  private Warmup() {}

  /** Starts the load in the background; returns at once. */
  static void start() {
    Thread.ofPlatform().daemon().name("pl-elb-warmup").start(() -> {
      try {
        load();
      } catch (RuntimeException | LinkageError e) {
        LOG.log(System.Logger.Level.DEBUG, "load balancer warm-up failed: " + e);
      }
    });
  }

  /** Loads OpenSSL and the client context; true if OpenSSL is there to serve listeners. */
  static boolean load() {
    OpenSsl.ensureAvailability();
    return TargetTls.CLIENT.isClient() && OpenSsl.isAvailable();
  }
}
