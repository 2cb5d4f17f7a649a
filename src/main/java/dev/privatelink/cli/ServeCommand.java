package dev.privatelink.cli;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the cloud in the foreground until it is told to stop (SIGTERM or Ctrl-C). */
final class ServeCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("no-dataplane", "allow-unsigned-reset")).allow(CloudOptions.NAMES);
    ServerOptions options = CloudOptions.server(args);
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
