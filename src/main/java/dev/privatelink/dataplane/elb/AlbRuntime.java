package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ApplicationProtocolNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An application load balancer: HTTP and HTTPS listeners on every node, requests spread round robin
 * over the healthy targets of the chosen group (all nodes may use all AZs), kept-alive connections
 * to targets. A listener's rules, certificates and policy can change without a rebind.
 */
final class AlbRuntime implements LbRuntime {
  /** What an ALB offers by ALPN: HTTP/2 first, as AWS's ALB does. */
  private static final List<String> ALPN = List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);

  private final StatusSink sink;
  private final ListenerSet listeners;
  private final LoadBalancerTargetGroups groups;
  private final BackendPool pool;
  private volatile LoadBalancerSpec spec;
  private volatile Map<Integer, ListenerConfig> byPort = Map.of();

  /** A listener as requests see it; {@code tls} is null for HTTP. */
  record ListenerConfig(ListenerSpec spec, Rules rules, TlsContexts.@Nullable ServerTls tls) {
    boolean https() {
      return tls != null;
    }
  }

  AlbRuntime(Transport transport, String netns, StatusSink sink, HealthTiming timing, LoadBalancerSpec spec) {
    this.sink = sink;
    this.spec = spec;
    this.listeners = new ListenerSet(transport, netns);
    this.groups = new LoadBalancerTargetGroups(new TargetGroupRuntime.Context(transport, netns, sink, timing), false);
    this.pool = new BackendPool(transport, netns, this::idleTimeoutSeconds);
  }

  @Override
  public LoadBalancerSpec spec() {
    return spec;
  }

  @Override
  public synchronized void update(LoadBalancerSpec next) {
    boolean newIdleTimeout = next.idleTimeoutSeconds() != spec.idleTimeoutSeconds();
    this.spec = next;
    if (newIdleTimeout) {
      // Pooled connections were timed by the old value; letting them go costs the next request a connect.
      pool.closeIdle();
    }
    groups.update(next);
    List<String> failures = new ArrayList<>();
    Map<Integer, ListenerConfig> ports = new HashMap<>();
    for (ListenerSpec l : next.listeners()) {
      try {
        ports.put(l.port(), configure(l, byPort.get(l.port())));
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    Map<Integer, ListenerConfig> before = this.byPort;
    this.byPort = ports;
    releaseUnused(before.values(), ports.values());
    failures.addAll(listeners.reconcile(next.nodes(), ports.keySet(), k -> new AlbFrontend(this, k.port()), true).values());
    ListenerSet.report(sink, next.arn(), failures);
  }

  /** Builds TLS contexts only when certificates or policy changed: that is the expensive part. */
  private static ListenerConfig configure(ListenerSpec l, @Nullable ListenerConfig before) {
    boolean https = l.protocol().equalsIgnoreCase("HTTPS");
    TlsContexts.ServerTls tls = null;
    if (https) {
      boolean same = before != null && before.https() && Objects.equals(before.spec().certificates(), l.certificates())
          && Objects.equals(before.spec().sslPolicy(), l.sslPolicy());
      tls = same ? before.tls() : TlsContexts.forListener(l, ALPN);
    }
    return new ListenerConfig(l, new Rules(l), tls);
  }

  /** Contexts no listener uses any more; connections that still run on them hold their own references. */
  private static void releaseUnused(Collection<ListenerConfig> before, Collection<ListenerConfig> now) {
    Set<TlsContexts.ServerTls> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    now.forEach(c -> kept.add(c.tls()));
    for (ListenerConfig c : before) {
      if (c.https() && !kept.contains(c.tls())) {
        c.tls().release();
      }
    }
  }

  /**
   * Serves a flow an NLB node of this VPC hands over in memory (its security groups already
   * decided): the client's socket gets this ALB's pipeline, and {@code flow} stands for its
   * addresses, as a connection from the NLB node to this node would have them. No listener on
   * that port is what a closed port answers: a reset.
   */
  void acceptInMemory(Channel client, FlowObserver.Flow flow, FlowObserver observer) {
    if (config(flow.destination().getPort()) == null) {
      TcpRelay.reset(client);
      return;
    }
    client.attr(AlbFrontend.IN_MEMORY_FLOW).set(flow);
    client.config().setWriteBufferWaterMark(ListenerSet.WATER_MARK);
    if (observer.observing()) {
      client.pipeline().addFirst("flow-bytes", new FlowBytes(flow, observer));
    }
    client.pipeline().addLast(new AlbFrontend(this, flow.destination().getPort()));
    client.config().setAutoRead(true);
  }

  @Nullable ListenerConfig config(int port) {
    return byPort.get(port);
  }

  LoadBalancerTargetGroups groups() {
    return groups;
  }

  BackendPool pool() {
    return pool;
  }

  int idleTimeoutSeconds() {
    int s = spec.idleTimeoutSeconds();
    return s > 0 ? s : 60;
  }

  @Override
  public synchronized void close() {
    listeners.close();
    groups.close();
    pool.close();
    releaseUnused(byPort.values(), List.of());
    byPort = Map.of();
  }
}
