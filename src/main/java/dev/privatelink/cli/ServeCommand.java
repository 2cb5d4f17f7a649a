package dev.privatelink.cli;

import dev.privatelink.server.ServerOptions;
import dev.privatelink.stacks.SelfSignedCertificate;
import java.util.List;
import java.util.Set;

/**
 * {@code serve}: runs an empty cloud in the foreground until it is told to stop (SIGTERM or
 * Ctrl-C), or with {@code --detach} in the background, returning once it answers, as {@code up}
 * does.
 */
final class ServeCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("no-dataplane", "detach", "allow-unsigned-reset", "expect-seed")).allow(CloudOptions.NAMES);
    ServerOptions options = CloudOptions.server(args);
    var running = StartChecks.running(options);
    if (running.isPresent()) {
      StartChecks.sameAddress(args, options, running.get());
      System.out.println("Using the cloud already running at " + running.get().endpoint());
      return 0;
    }
    StartChecks.portFree(options);
    StartChecks.dataDirWritable(options);
    if (args.flag("detach")) {
      Detached.start(options, words, System.out);
      return 0;
    }
    if (args.flag("expect-seed")) {
      // Passed by `up`, which applies the seed stack as soon as this cloud answers.
      SelfSignedCertificate.prepareKey();
    }
    ForegroundCloud cloud = ForegroundCloud.start(options);
    System.out.println("privatelink-local serving the AWS API at " + cloud.cloud().endpoint() + " (data in " + options.dataDir() + ")");
    cloud.awaitShutdown();
    return 0;
  }
}
