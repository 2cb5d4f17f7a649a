package dev.privatelink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code forward <endpoint id | load balancer name or ARN | instance id or Name>:<port> [local
 * port]}: asks the running cloud for a port on 127.0.0.1 that reaches the target inside its VPC,
 * as SSM port forwarding does on AWS (the cloud does the forwarding; see the server's
 * {@code ForwardTargets} for the route). It lasts until Ctrl-C, or with {@code --detach} until
 * {@code forward --stop PORT} or the cloud stops.
 */
final class ForwardCommand {
  private static final String PATH = "/_privatelink/forwards";
  /** Set once the process is asked to exit: the wait then ends quietly, its forward being closed on purpose. */
  private static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();

  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("detach", "list")).allow(Set.of("data-dir", "stop"));
    Path dataDir = CloudOptions.dataDir(args);
    try (LocalApi api = LocalApi.of(dataDir)) {
      if (args.option("stop").isPresent()) {
        JsonNode closed = api.call("DELETE", PATH + "?localPort=" + localPort(args.option("stop").get()));
        System.out.println("Stopped forwarding 127.0.0.1:" + closed.get("localPort").asInt());
        return 0;
      }
      if (args.flag("list")) {
        JsonNode open = api.view(PATH);
        open.forEach(f -> System.out.println(line(f)));
        if (open.isEmpty()) {
          System.out.println("no forwards (open one with privatelink forward TARGET:PORT)");
        }
        return 0;
      }
      return open(api, args);
    }
  }

  private int open(LocalApi api, Args args) {
    List<String> words = args.positional();
    if (words.isEmpty() || words.size() > 2) {
      throw new Args.UsageException("forward takes TARGET:PORT and an optional local port");
    }
    String spec = words.getFirst();
    int colon = spec.lastIndexOf(':');
    if (colon <= 0) {
      throw new CommandException("say which port of " + spec + " to reach: privatelink forward " + spec + ":443");
    }
    String query = "?target=" + URLEncoder.encode(spec.substring(0, colon), StandardCharsets.UTF_8)
        + "&port=" + localPort(spec.substring(colon + 1)) + (words.size() == 2 ? "&localPort=" + localPort(words.get(1)) : "");
    JsonNode forward = api.call("POST", PATH + query);
    int localPort = forward.get("localPort").asInt();
    if (args.flag("detach")) {
      System.out.println(line(forward) + "; stop it with: privatelink forward --stop " + localPort + where(args));
      return 0;
    }
    // Closed on Ctrl-C or SIGTERM; on SIGKILL it stays until the cloud stops.
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      STOPPING.set(true);
      stop(api, localPort);
    }));
    System.out.println(line(forward) + " (Ctrl-C to stop)");
    return waitWhileOpen(api, localPort);
  }

  /** Blocks while the cloud holds the forward; it ends with the cloud, or when stopped elsewhere. */
  private static int waitWhileOpen(LocalApi api, int localPort) {
    while (true) {
      try {
        Thread.sleep(1000);
        boolean open = false;
        for (JsonNode f : api.view(PATH)) {
          open |= f.get("localPort").asInt() == localPort;
        }
        if (STOPPING.get()) {
          return 0;
        }
        if (!open) {
          System.err.println("privatelink: the forward on 127.0.0.1:" + localPort + " was stopped");
          return 1;
        }
      } catch (CommandException e) {
        if (STOPPING.get()) {
          return 0;
        }
        System.err.println("privatelink: the cloud stopped, and the forward on 127.0.0.1:" + localPort + " with it");
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  private static void stop(LocalApi api, int localPort) {
    try {
      api.call("DELETE", PATH + "?localPort=" + localPort);
    } catch (RuntimeException e) {
      // the cloud stopped first, taking the forward with it
    }
  }

  private static String line(JsonNode f) {
    return "Forwarding 127.0.0.1:" + f.get("localPort").asInt() + " -> " + f.get("target").asText() + ":"
        + f.get("port").asInt() + " (from " + f.get("fromInstance").asText() + " " + f.get("sourceAddress").asText()
        + " to " + f.get("address").asText() + ")";
  }

  private static String where(Args args) {
    return args.option("data-dir").map(d -> " --data-dir " + Shell.quote(d)).orElse("");
  }

  private static int localPort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new CommandException("a port is a number from 1 to 65535, not " + text);
  }
}
