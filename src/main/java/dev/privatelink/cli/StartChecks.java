package dev.privatelink.cli;

import dev.privatelink.server.ServerInfo;
import dev.privatelink.server.ServerOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;

/**
 * What {@code up} and {@code serve} check before they start or reuse a cloud, so that they never
 * claim a start that cannot happen or drive somebody else's cloud: the data dir's running cloud must
 * be where the user's {@code --host}/{@code --port} say, and a new cloud's port must be free.
 */
final class StartChecks {
  private StartChecks() {}

  /** Throws when the user named an address other than the one the data dir's cloud serves at. */
  static void sameAddress(Args args, ServerOptions options, ServerInfo running) {
    URI at = URI.create(running.endpoint());
    boolean portDiffers = args.option("port").isPresent() && at.getPort() != options.port();
    boolean hostDiffers = args.option("host").isPresent() && !at.getHost().equals(options.host());
    if (portDiffers || hostDiffers) {
      throw new CommandException("the cloud of " + options.dataDir() + " already runs at " + running.endpoint()
          + ", not at " + options.endpoint() + "; drop --port/--host to use it, or stop it first with"
          + " privatelink down --data-dir " + Shell.quote(options.dataDir().toString()));
    }
  }

  /** Throws when the port of a cloud about to start is taken, naming another cloud when one answers there. */
  static void portFree(ServerOptions options) {
    if (options.port() == 0 || !listening(options.host(), options.port())) {
      return;
    }
    String fix = "; choose another --port, or stop that cloud with privatelink down --data-dir DIR";
    if (ServerInfo.healthy(options.endpoint())) {
      throw new CommandException("port " + options.port() + " on " + options.host()
          + " belongs to another cloud (not the one of " + options.dataDir() + ")" + fix);
    }
    throw new CommandException("port " + options.port() + " on " + options.host() + " is in use by another process" + fix);
  }

  /** Throws, saying what to do, when the data dir cannot be made (e.g. no writable home). */
  static void dataDirWritable(ServerOptions options) {
    try {
      java.nio.file.Files.createDirectories(options.dataDir());
      if (!java.nio.file.Files.isWritable(options.dataDir())) {
        throw new IOException("not writable");
      }
    } catch (IOException e) {
      throw new CommandException("cannot use " + options.dataDir() + " as the data dir (" + e.getClass().getSimpleName()
          + ": " + e.getMessage() + "); give a writable directory with --data-dir DIR or PRIVATELINK_HOME=DIR");
    }
  }

  /** The data dir's cloud, if its process runs and it answers. */
  static Optional<ServerInfo> running(ServerOptions options) {
    return ServerInfo.read(options.dataDir()).filter(i -> ServerInfo.healthy(i.endpoint()));
  }

  private static boolean listening(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
