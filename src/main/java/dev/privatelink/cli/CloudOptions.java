package dev.privatelink.cli;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.dataplane.flowlogs.FlowLogTiming;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.store.DataDir;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The options every command that starts or finds a cloud shares. */
final class CloudOptions {
  static final Set<String> NAMES = Set.of("host", "port", "data-dir", "strict-auth", "health-timing", "flow-log-timing",
      "notification-webhook");

  private CloudOptions() {}

  static Path dataDir(Args args) {
    return args.option("data-dir").map(Path::of).orElseGet(DataDir::defaultPath).toAbsolutePath();
  }

  private static java.net.URI webhook(String text) {
    try {
      java.net.URI url = new java.net.URI(text);
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new Args.UsageException("--notification-webhook needs an http(s) URL");
      }
      return url;
    } catch (java.net.URISyntaxException e) {
      throw new Args.UsageException("--notification-webhook needs an http(s) URL");
    }
  }

  static ServerOptions server(Args args) {
    int port;
    try {
      port = Integer.parseInt(args.option("port").orElse(Integer.toString(ServerOptions.DEFAULT_PORT)));
    } catch (NumberFormatException e) {
      throw new Args.UsageException("--port needs a number");
    }
    ServerOptions.Builder options = ServerOptions.builder(dataDir(args))
        .host(args.option("host").orElse(ServerOptions.DEFAULT_HOST)).port(port)
        .hostMode(args.flag("no-dataplane") ? ServerOptions.HostMode.CONTROL_PLANE_ONLY : ServerOptions.HostMode.DATA_PLANE)
        .allowUnsignedReset(args.flag("allow-unsigned-reset"));
    args.option("strict-auth").map(Path::of).ifPresent(options::strictCredentials);
    args.option("health-timing").map(CloudOptions::healthTiming).ifPresent(options::healthTiming);
    args.option("flow-log-timing").map(CloudOptions::flowLogTiming).ifPresent(options::flowLogTiming);
    args.option("notification-webhook").map(CloudOptions::webhook).ifPresent(options::notificationWebhook);
    return options.build();
  }

  private static FlowLogTiming flowLogTiming(String word) {
    for (FlowLogTiming t : FlowLogTiming.values()) {
      if (t.word().equals(word)) {
        return t;
      }
    }
    throw new Args.UsageException("--flow-log-timing is one of " + Arrays.stream(FlowLogTiming.values())
        .map(FlowLogTiming::word).collect(Collectors.joining(", ")));
  }

  /** The enum's own names, in lower case, are the option's words: a new timing needs no change here. */
  private static HealthTiming healthTiming(String word) {
    for (HealthTiming t : HealthTiming.values()) {
      if (t.name().toLowerCase(Locale.ROOT).equals(word)) {
        return t;
      }
    }
    throw new Args.UsageException("--health-timing is one of " + Arrays.stream(HealthTiming.values())
        .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }
}
