package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ListenerSpec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * The listeners of one network load balancer by port, each with its protocol and, for TLS, its
 * server contexts (the ACM certificates, the SSL policy and the ALPN policy). Contexts are rebuilt
 * only when one of those changed, and released once no listener uses them.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/network/create-tls-listener.html">TLS listeners for your Network Load Balancer</a>
 */
final class NlbListeners implements AutoCloseable {
  /** A listener as new flows see it; {@code tls} is set for TLS listeners only. */
  record Config(ListenerSpec spec, ProtocolEnum protocol, TlsContexts.@Nullable ServerTls tls) {
    /** Whether the listener accepts TCP connections (TLS is over TCP). */
    boolean carriesTcp() {
      return switch (protocol) {
        case TCP, TLS, TCP_UDP -> true;
        case UDP, HTTP, HTTPS, GENEVE, QUIC, TCP_QUIC, UNKNOWN_TO_SDK_VERSION -> false;
      };
    }

    /** Whether the listener relays UDP datagrams. */
    boolean carriesUdp() {
      return switch (protocol) {
        case UDP, TCP_UDP -> true;
        case TCP, TLS, HTTP, HTTPS, GENEVE, QUIC, TCP_QUIC, UNKNOWN_TO_SDK_VERSION -> false;
      };
    }
  }

  private volatile Map<Integer, Config> byPort = Map.of();

  /** Takes the listeners of the next spec; returns a failure per listener that could not be configured. */
  synchronized List<String> update(List<ListenerSpec> listeners) {
    List<String> failures = new ArrayList<>();
    Map<Integer, Config> ports = new HashMap<>();
    for (ListenerSpec l : listeners) {
      try {
        ports.put(l.port(), configure(l, byPort.get(l.port())));
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    Map<Integer, Config> before = byPort;
    byPort = Map.copyOf(ports);
    release(before.values(), ports.values());
    return failures;
  }

  @Nullable Config at(int port) {
    return byPort.get(port);
  }

  /** The ports that accept TCP connections: TCP, TLS and TCP_UDP listeners. */
  Set<Integer> tcpPorts() {
    return byPort.values().stream().filter(Config::carriesTcp).map(c -> c.spec().port()).collect(Collectors.toSet());
  }

  /** The ports that relay UDP: UDP and TCP_UDP listeners. */
  Set<Integer> udpPorts() {
    return byPort.values().stream().filter(Config::carriesUdp).map(c -> c.spec().port()).collect(Collectors.toSet());
  }

  private static Config configure(ListenerSpec l, @Nullable Config before) {
    ProtocolEnum protocol = ProtocolEnum.fromValue(l.protocol());
    if (protocol != ProtocolEnum.TLS) {
      return new Config(l, protocol, null);
    }
    boolean same = before != null && before.tls() != null && Objects.equals(before.spec().certificates(), l.certificates())
        && Objects.equals(before.spec().sslPolicy(), l.sslPolicy())
        && Objects.equals(before.spec().alpnPolicy(), l.alpnPolicy());
    return new Config(l, protocol, same ? before.tls() : TlsContexts.forListener(l, alpn(l.alpnPolicy())));
  }

  /**
   * What a TLS listener offers by ALPN for its ALPN policy, in the order it prefers: HTTP1Only
   * http/1.1; HTTP2Only h2; HTTP2Optional http/1.1 then h2; HTTP2Preferred h2 then http/1.1;
   * None (or no policy) nothing.
   */
  static List<String> alpn(List<String> policy) {
    String name = policy.isEmpty() ? "None" : policy.getFirst();
    return switch (name) {
      case "HTTP1Only" -> List.of(ApplicationProtocolNames.HTTP_1_1);
      case "HTTP2Only" -> List.of(ApplicationProtocolNames.HTTP_2);
      case "HTTP2Optional" -> List.of(ApplicationProtocolNames.HTTP_1_1, ApplicationProtocolNames.HTTP_2);
      case "HTTP2Preferred" -> List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);
      default -> List.of();
    };
  }

  /** Contexts no listener uses any more; open connections hold their own references. */
  private static void release(Iterable<Config> before, Iterable<Config> now) {
    Set<TlsContexts.ServerTls> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    now.forEach(c -> {
      if (c.tls() != null) {
        kept.add(c.tls());
      }
    });
    for (Config c : before) {
      if (c.tls() != null && !kept.contains(c.tls())) {
        c.tls().release();
      }
    }
  }

  @Override
  public synchronized void close() {
    release(byPort.values(), List.of());
    byPort = Map.of();
  }
}
