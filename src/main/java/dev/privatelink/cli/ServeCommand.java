package dev.privatelink.cli;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: runs an empty cloud in the foreground until it is told to stop (SIGTERM or
 * Ctrl-C), or with {@code --detach} in the background, returning once it answers, as {@code up}
 * does.
 */
final class ServeCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("no-dataplane", "detach")).allow(CloudOptions.NAMES);
    ServerOptions options = CloudOptions.server(args);
    var running = StartChecks.running(options);
    if (running.isPresent()) {
      StartChecks.sameAddress(args, options, running.get());
      System.out.println("Using the cloud already running at " + running.get().endpoint());
      return 0;
    }
    StartChecks.portFree(options);
    if (args.flag("detach")) {
      Detached.start(options, words, System.out);
      return 0;
    }
    LocalCloud cloud = start(options);
    System.out.println("privatelink-local serving the AWS API at " + options.endpoint() + " (data in " + options.dataDir() + ")");
    awaitShutdown(cloud);
    return 0;
  }

  static LocalCloud start(ServerOptions options) {
    try {
      return LocalCloud.start(options);
    } catch (IOException | RuntimeException e) {
      throw new CommandException("could not start the cloud: " + e.getMessage(), e);
    }
  }

  /** Blocks until the JVM is asked to exit, then closes the cloud (removing its host objects). */
  static void awaitShutdown(LocalCloud cloud) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      cloud.close();
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
