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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * A network load balancer: a listening socket per node and port (TCP for TCP, TLS and TCP_UDP
 * listeners, UDP for UDP and TCP_UDP ones, see {@link UdpRelay}); each flow goes to one target
 * chosen by a hash of its 5-tuple among the healthy targets the node may use (its own AZ unless
 * cross-zone is on), over a connection that originates from the node's address. A TLS listener
 * terminates TLS with its certificates and policy first, then relays plaintext, or TLS again to a
 * TLS target group.
 */
final class NlbRuntime implements LbRuntime {
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int TCP = 6;
  private static final int UDP = 17;

  private final Transport transport;
  private final String netns;
  private final StatusSink sink;
  private final ListenerSet listeners;
  private final UdpRelay udp;
  private final NlbListeners configs = new NlbListeners();
  private final LoadBalancerTargetGroups groups;
  private final Map<EventLoop, Bootstrap> connectors = new ConcurrentHashMap<>();
  private final SocketAddresses addresses = new SocketAddresses();
  private final AlbHandoff albs = new AlbHandoff(CONNECT_TIMEOUT_MILLIS);
  private volatile LoadBalancerSpec spec;

  NlbRuntime(Transport transport, String netns, StatusSink sink, HealthTiming timing, LoadBalancerSpec spec) {
    this.transport = transport;
    this.netns = netns;
    this.sink = sink;
    this.spec = spec;
    this.listeners = new ListenerSet(transport, netns);
    this.udp = new UdpRelay(transport, netns, UdpRelay.IDLE_SECONDS);
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
    List<String> failures = new ArrayList<>(configs.update(next.listeners()));
    failures.addAll(listeners.reconcile(next.nodes(), configs.tcpPorts(), this::acceptor, false).values());
    Set<ListenerKey> datagram = new HashSet<>();
    next.nodes().forEach(n -> configs.udpPorts().forEach(p -> datagram.add(new ListenerKey(n.privateIp(), p))));
    failures.addAll(udp.reconcile(datagram, this::routeDatagrams).values());
    ListenerSet.report(sink, next.arn(), failures);
  }

  /** The ALBs of this VPC the node may hand flows to in memory, with the VPC's security groups. */
  void handoffView(AlbHandoff.View view) {
    albs.view(view);
  }

  /**
   * The ports on which this load balancer accepts TCP (what a PrivateLink endpoint carries:
   * interface endpoints carry TCP only, so UDP listeners are not reachable through them, as on AWS).
   */
  Set<Integer> ports() {
    return configs.tcpPorts();
  }

  /**
   * Carries a connection accepted elsewhere (an endpoint ENI) through the node of {@code az}, or
   * any node when the load balancer has none there, as PrivateLink does.
   */
  void handOff(String az, Channel client, FlowOrigin origin) {
    Node node = nodeIn(spec.nodes(), az);
    if (node == null) {
      TcpRelay.reset(client);
      return;
    }
    accept(node, client, origin);
  }

  /** The node in {@code az}, else the first; a loop, as it runs once per endpoint connection. */
  private static @Nullable Node nodeIn(List<Node> nodes, String az) {
    for (Node n : nodes) {
      if (n.availabilityZone().equals(az)) {
        return n;
      }
    }
    return nodes.isEmpty() ? null : nodes.get(0);
  }

  private ChannelHandler acceptor(ListenerKey key) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        Node node = node(key.ip());
        if (node == null) {
          TcpRelay.reset(ch);
          return;
        }
        accept(node, ch, new FlowOrigin((InetSocketAddress) ch.remoteAddress(), (InetSocketAddress) ch.localAddress(), null));
      }
    };
  }

  private @Nullable Node node(String ip) {
    for (Node n : spec.nodes()) {
      if (n.privateIp().equals(ip)) {
        return n;
      }
    }
    return null;
  }

  /** A TLS listener's flow first completes the client's handshake; then, as any other, it is opened to a target. */
  private void accept(Node node, Channel client, FlowOrigin origin) {
    NlbListeners.Config listener = configs.at(origin.destination().getPort());
    if (listener == null || !listener.carriesTcp()) {
      TcpRelay.reset(client);
      return;
    }
    TlsContexts.ServerTls tls = listener.tls();
    if (tls == null) {
      open(node, client, origin, listener.spec());
      return;
    }
    ChannelHandler handler = tls.newHandler(client.alloc());
    if (handler == null) {
      TcpRelay.reset(client); // the listener's certificate was replaced as this connection arrived
      return;
    }
    client.pipeline().addLast("tls", handler);
    client.pipeline().addLast(TlsGate.NAME, new TlsGate(() -> open(node, client, origin, listener.spec()), client::close));
    client.read();
  }

  private UdpRelay.@Nullable Route routeDatagrams(ListenerKey key, InetSocketAddress client) {
    Node node = node(key.ip());
    NlbListeners.Config listener = configs.at(key.port());
    TargetGroupRuntime tg = node != null && listener != null && listener.carriesUdp()
        && listener.spec().defaultAction() instanceof ActionSpec.Forward f ? groups.choose(f) : null;
    FlowOrigin origin = new FlowOrigin(client, addresses.of(key.ip(), key.port()), null);
    TargetSpec target = tg == null ? null : tg.pickForFlow(node.availabilityZone(), flowHash(origin, UDP));
    return target == null ? null : new UdpRelay.Route(target, tg, node.privateIp());
  }

  private void open(Node node, Channel client, FlowOrigin origin, ListenerSpec listener) {
    TargetGroupRuntime tg = listener.defaultAction() instanceof ActionSpec.Forward f ? groups.choose(f) : null;
    TargetSpec target = tg == null ? null : tg.pickForFlow(node.availabilityZone(), flowHash(origin, TCP));
    if (target == null) {
      TcpRelay.reset(client);
      return;
    }
    if (albs.tryHandOff(node, client, origin, tg, target)) {
      return;
    }
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
      connected(client, backend, origin, tg, target, idle);
    });
  }

  /**
   * The target accepted: PPv2 first (flushed now: a server-speaks-first protocol must get the header
   * before the client sends anything), then TLS to a TLS target group, then the relay.
   */
  private static void connected(Channel client, Channel backend, FlowOrigin origin, TargetGroupRuntime tg,
      TargetSpec target, int idle) {
    if (tg.spec().proxyProtocolV2()) {
      backend.writeAndFlush(ProxyProtocolV2.buffer(backend.alloc(), ProxyProtocolV2.proxy(origin)), backend.voidPromise());
    }
    Runnable relay = () -> {
      backend.config().setAutoRead(false); // the relay reads by hand from here on
      client.pipeline().addLast("idle", new IdleTimeout(idle));
      tg.trackFlow(target, client);
      TcpRelay.join(client, backend);
      TlsGate.release(client, backend);
      TlsGate.release(backend, client);
    };
    if (ProtocolEnum.fromValue(tg.spec().protocol()) == ProtocolEnum.TLS) {
      backend.pipeline().addFirst("tls", TargetTls.CLIENT.newHandler(backend.alloc(), target.ip(), target.port()));
      backend.pipeline().addAfter("tls", TlsGate.NAME, new TlsGate(relay, () -> {
        TcpRelay.reset(client); // a TLS error to the target ends the client's flow
        backend.close();
      }));
      backend.config().setAutoRead(true); // the handshake reads as it needs; the gate holds what follows it
    } else {
      relay.run();
    }
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

  /** A hash of the flow's 5-tuple; {@code protocol} is the IP protocol number (TCP or UDP). */
  static int flowHash(FlowOrigin o, int protocol) {
    int h = protocol;
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
    udp.close();
    configs.close();
    groups.close();
  }
}
