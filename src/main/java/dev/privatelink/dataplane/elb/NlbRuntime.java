package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec.Node;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network load balancer: a TCP listener per node and port; each flow goes to one target chosen
 * by a hash of its 5-tuple among the healthy targets the node may use (its own AZ unless cross-zone
 * is on), over a connection that originates from the node's address.
 */
final class NlbRuntime implements LbRuntime {
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Transport transport;
  private final String netns;
  private final StatusSink sink;
  private final ListenerSet listeners;
  private final LoadBalancerTargetGroups groups;
  private final Map<EventLoop, Bootstrap> connectors = new ConcurrentHashMap<>();
  private final SocketAddresses addresses = new SocketAddresses();
  private volatile LoadBalancerSpec spec;
  private volatile Map<Integer, ListenerSpec> byPort = Map.of();

  NlbRuntime(Transport transport, String netns, StatusSink sink, HealthTiming timing, LoadBalancerSpec spec) {
    this.transport = transport;
    this.netns = netns;
    this.sink = sink;
    this.spec = spec;
    this.listeners = new ListenerSet(transport, netns);
    this.groups = new LoadBalancerTargetGroups(new TargetGroupRuntime.Context(transport, netns, sink, timing), true);
  }

  @Override
  public LoadBalancerSpec spec() {
    return spec;
  }

  @Override
  public synchronized void update(LoadBalancerSpec next) {
    this.spec = next;
    groups.update(next);
    Map<Integer, ListenerSpec> ports = new HashMap<>();
    next.listeners().forEach(l -> ports.put(l.port(), l));
    this.byPort = ports;
    ListenerSet.report(sink, next.arn(), listeners.reconcile(next.nodes(), ports.keySet(), this::acceptor, false).values());
  }

  /** The ports this load balancer listens on (what a PrivateLink endpoint must carry). */
  Set<Integer> ports() {
    return byPort.keySet();
  }

  /**
   * Carries a connection accepted elsewhere (an endpoint ENI) through the node of {@code az}, or
   * any node when the load balancer has none there, as PrivateLink does.
   */
  void handOff(String az, Channel client, FlowOrigin origin) {
    LoadBalancerSpec s = spec;
    Node node = s.nodes().stream().filter(n -> n.availabilityZone().equals(az)).findFirst()
        .orElse(s.nodes().isEmpty() ? null : s.nodes().get(0));
    if (node == null) {
      TcpRelay.reset(client);
      return;
    }
    open(node, client, origin);
  }

  private ChannelHandler acceptor(ListenerKey key) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        Node node = null;
        for (Node n : spec.nodes()) {
          if (n.privateIp().equals(key.ip())) {
            node = n;
            break;
          }
        }
        if (node == null) {
          TcpRelay.reset(ch);
          return;
        }
        open(node, ch, new FlowOrigin((InetSocketAddress) ch.remoteAddress(), (InetSocketAddress) ch.localAddress(), null));
      }
    };
  }

  private void open(Node node, Channel client, FlowOrigin origin) {
    ListenerSpec listener = byPort.get(origin.destination().getPort());
    TargetGroupRuntime tg = listener != null && listener.defaultAction() instanceof ActionSpec.Forward f
        ? groups.choose(f) : null;
    TargetSpec target = tg == null ? null : tg.pickForFlow(node.availabilityZone(), flowHash(origin));
    if (target == null) {
      TcpRelay.reset(client);
      return;
    }
    boolean proxyProtocol = tg.spec().proxyProtocolV2();
    int idle = listener.tcpIdleTimeoutSeconds() > 0 ? listener.tcpIdleTimeoutSeconds() : 350;
    ChannelFuture connect = connector(client.eventLoop())
        .connect(addresses.of(target.ip(), target.port()), addresses.of(node.privateIp(), 0));
    Channel backend = connect.channel();
    client.closeFuture().addListener(f -> {
      if (!connect.isDone()) {
        backend.close();
      }
    });
    connect.addListener((ChannelFuture f) -> {
      if (!f.isSuccess() || !client.isActive()) {
        TcpRelay.reset(client);
        backend.close();
        return;
      }
      if (proxyProtocol) {
        // Flushed now: a server-speaks-first protocol must get the header before the client sends anything.
        backend.writeAndFlush(ProxyProtocolV2.buffer(backend.alloc(), ProxyProtocolV2.proxy(origin)), backend.voidPromise());
      }
      client.pipeline().addLast("idle", new IdleTimeout(idle));
      tg.trackFlow(target, client);
      TcpRelay.join(client, backend);
    });
  }

  /**
   * One bootstrap per event loop, reused by every flow of that loop: building one per flow (options
   * map, handler, initializer) showed up in a Connection: close profile. The backend socket starts
   * with auto-read off, so the client's bytes are not read before there is somewhere to send them.
   */
  private Bootstrap connector(EventLoop loop) {
    Bootstrap b = connectors.get(loop);
    if (b == null) {
      b = transport.connector(loop, netns)
          .option(ChannelOption.AUTO_READ, false)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
          .handler(CloseOnError.INSTANCE);
      Bootstrap raced = connectors.putIfAbsent(loop, b);
      b = raced != null ? raced : b;
    }
    return b;
  }

  /** A hash of the flow's 5-tuple (protocol is always TCP here). */
  static int flowHash(FlowOrigin o) {
    int h = 6;
    h = 31 * h + o.client().getAddress().hashCode();
    h = 31 * h + o.client().getPort();
    h = 31 * h + o.destination().getAddress().hashCode();
    h = 31 * h + o.destination().getPort();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  @Override
  public synchronized void close() {
    listeners.close();
    groups.close();
  }
}
