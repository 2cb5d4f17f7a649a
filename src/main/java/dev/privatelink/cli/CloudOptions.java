package dev.privatelink.cli;

import dev.privatelink.server.ServerOptions;
import dev.privatelink.store.DataDir;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The options every command that starts or finds a cloud shares. */
final class CloudOptions {
  static final Set<String> NAMES = Set.of("host", "port", "data-dir", "strict-auth", "health-timing", "notification-webhook");

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
    String timing = args.option("health-timing").orElse("fast");
    if (!timing.equals("fast") && !timing.equals("aws")) {
      throw new Args.UsageException("--health-timing is fast or aws");
    }
    return new ServerOptions(args.option("host").orElse("127.0.0.1"), port, dataDir(args),
        args.option("strict-auth").map(Path::of).orElse(null), !args.flag("no-dataplane"), timing,
        args.option("notification-webhook").map(CloudOptions::webhook).orElse(null));
  }
}
