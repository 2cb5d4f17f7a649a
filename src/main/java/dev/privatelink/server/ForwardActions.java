package dev.privatelink.server;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.forward.ForwardRoute;
import dev.privatelink.dataplane.forward.PortForwards;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code /_privatelink/forwards}, the server side of {@code privatelink forward}: {@code POST
 * ?target=T&port=P[&localPort=L]} opens a forward on 127.0.0.1 (see {@link ForwardTargets} for
 * where it goes), {@code DELETE ?localPort=L} closes one, {@code GET} lists them. A caller granted
 * one account reaches only that account's resources and sees only the forwards it opened.
 */
final class ForwardActions {
  private final Cloud cloud;
  /** Asked at each request: the data plane that holds them may still be being built when the API opens. */
  private final Supplier<Optional<PortForwards>> forwards;
  /** The account each forward was opened for; absent for the whole cloud (the local token). */
  private final Map<Integer, String> owners = new ConcurrentHashMap<>();

  ForwardActions(Cloud cloud, Supplier<Optional<PortForwards>> forwards) {
    this.cloud = cloud;
    this.forwards = forwards;
  }

  String answer(String method, Map<String, String> query, @Nullable String accountId) {
    PortForwards open = forwards.get().orElseThrow(() -> AwsException.invalidParameterValue(
        "this cloud runs without a data plane (--no-dataplane): there is no VPC to forward into"));
    return switch (method) {
      case "POST" -> json(open(open, query, accountId));
      case "DELETE" -> json(close(open, port(query, "localPort", false), accountId));
      case "GET" -> json(open.list().stream().filter(f -> visible(f.localPort(), accountId)).toList());
      default -> throw new AwsException("InvalidAction", "forwards take GET, POST or DELETE", 400);
    };
  }

  private PortForwards.Forward open(PortForwards open, Map<String, String> query, @Nullable String accountId) {
    String target = Optional.ofNullable(query.get("target"))
        .orElseThrow(() -> AwsException.missingParameter("The request must contain the parameter target"));
    int port = port(query, "port", false);
    int localPort = query.containsKey("localPort") ? port(query, "localPort", true) : 0;
    ForwardRoute route = cloud.read(f -> ForwardTargets.resolve(f, HostProjection.hostState(f, cloud.version()), target,
        port, accountId));
    try {
      PortForwards.Forward opened = open.open(route, localPort);
      if (accountId != null) {
        owners.put(opened.localPort(), accountId);
      }
      return opened;
    } catch (IOException e) {
      throw AwsException.invalidParameterValue("127.0.0.1:" + localPort + " is in use on this host: give another local "
          + "port, or none for a free one");
    }
  }

  private PortForwards.Forward close(PortForwards open, int localPort, @Nullable String accountId) {
    if (!visible(localPort, accountId) || open.list().stream().noneMatch(f -> f.localPort() == localPort)) {
      throw AwsException.invalidParameterValue("no forward listens on 127.0.0.1:" + localPort);
    }
    owners.remove(localPort);
    return open.close(localPort).orElseThrow();
  }

  private boolean visible(int localPort, @Nullable String accountId) {
    return accountId == null || accountId.equals(owners.get(localPort));
  }

  private static int port(Map<String, String> query, String name, boolean zeroAllowed) {
    String text = query.get(name);
    if (text == null) {
      throw AwsException.missingParameter("The request must contain the parameter " + name);
    }
    try {
      int port = Integer.parseInt(text);
      if (port >= (zeroAllowed ? 0 : 1) && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw AwsException.invalidParameterValue(name + " must be a port number from 1 to 65535, not " + text);
  }

  private static String json(Object value) {
    return Views.json(value);
  }
}
