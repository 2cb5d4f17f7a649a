package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The UDP side of a network load balancer (UDP and TCP_UDP listeners): a datagram socket per node
 * and port; each flow (client address and port to listener address and port) is pinned to one target
 * chosen by the router, and carried over a socket of its own from the node's address, so the
 * target's replies come back to that flow and leave through the listener's socket, from the
 * listener's address. A flow idle for {@link #IDLE_SECONDS} (AWS's UDP idle timeout) is forgotten.
 *
 * <p>UDP has no backpressure: a datagram that meets a socket whose buffer is full is dropped, as
 * the network would drop it.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html">Listeners for your Network Load Balancers</a>
 */
final class UdpRelay implements AutoCloseable {
  /** AWS: UDP flows idle for 120 seconds end. */
  static final int IDLE_SECONDS = 120;
  /** Datagrams a flow keeps while its socket to the target is being set up. */
  private static final int MAX_PENDING = 64;

  /** Where a new flow goes: a target of a group (which tracks the flow for draining), from a node address. */
  record Route(TargetSpec target, TargetGroupRuntime group, String nodeIp) {}

  /** Chooses the route of a new flow, or null to drop its datagrams. */
  interface Router {
    @Nullable Route route(ListenerKey listener, InetSocketAddress client);
  }

  private record FlowKey(ListenerKey listener, InetSocketAddress client) {}

  private final Transport transport;
  private final String netns;
  private final int idleSeconds;
  private final ListenerSet sockets;
  private final Map<FlowKey, Flow> flows = new ConcurrentHashMap<>();
  private final SocketAddresses addresses = new SocketAddresses();

  UdpRelay(Transport transport, String netns, int idleSeconds) {
    this.transport = transport;
    this.netns = netns;
    this.idleSeconds = idleSeconds;
    this.sockets = new ListenerSet(transport, netns);
  }

  /** Binds the wanted datagram sockets, closes the others; returns a failure per key that could not be bound. */
  Map<ListenerKey, String> reconcile(Set<ListenerKey> wanted, Router router) {
    return sockets.reconcile(wanted, k -> {
      ChannelFuture bind = new Bootstrap().group(transport.group()).channelFactory(transport.datagram(netns))
          .handler(new Frontend(k, router)).bind(k.ip(), k.port());
      // a listener that goes ends its flows
      bind.channel().closeFuture().addListener(f -> flows.values().forEach(flow -> {
        if (flow.key.listener().equals(k)) {
          flow.backend.close();
        }
      }));
      return bind;
    });
  }

  /** Datagrams from clients to one listener socket. */
  private final class Frontend extends ChannelInboundHandlerAdapter {
    private final ListenerKey key;
    private final Router router;

    Frontend(ListenerKey key, Router router) {
      this.key = key;
      this.router = router;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof DatagramPacket packet)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      FlowKey fk = new FlowKey(key, packet.sender());
      Flow flow = flows.get(fk);
      if (flow == null || !flow.backend.isOpen()) {
        Route route = router.route(key, packet.sender());
        if (route == null) {
          packet.release();
          return;
        }
        flow = open(ctx.channel(), fk, route);
      }
      flow.send(packet.content());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // an ICMP error on an unconnected socket concerns one datagram; the listener stays
    }
  }

  /** Runs on the listener's event loop; the flow's socket is registered on the same loop. */
  private Flow open(Channel listener, FlowKey key, Route route) {
    Channel backend = transport.datagram(netns).newChannel();
    Flow flow = new Flow(listener, key, backend);
    backend.pipeline().addLast(new Backend(flow));
    flows.put(key, flow);
    backend.closeFuture().addListener(x -> flows.remove(key, flow));
    listener.eventLoop().register(backend);
    ChannelFuture f = backend.connect(addresses.of(route.target().ip(), route.target().port()), addresses.of(route.nodeIp(), 0));
    f.addListener((ChannelFuture done) -> {
      if (done.isSuccess()) {
        done.channel().pipeline().addFirst("idle", new IdleTimeout(idleSeconds));
        route.group().trackFlow(route.target(), done.channel());
        flow.connected();
      } else {
        done.channel().close();
      }
    });
    return flow;
  }

  /** One client flow: its socket to the target and the datagrams waiting for it to connect. */
  private static final class Flow {
    final Channel listener;
    final FlowKey key;
    final Channel backend;
    private @Nullable ArrayDeque<ByteBuf> pending = new ArrayDeque<>();

    Flow(Channel listener, FlowKey key, Channel backend) {
      this.listener = listener;
      this.key = key;
      this.backend = backend;
    }

    /** Runs on the listener's event loop, which the backend socket shares. */
    void send(ByteBuf payload) {
      ArrayDeque<ByteBuf> q = pending;
      if (q != null) {
        if (q.size() < MAX_PENDING) {
          q.add(payload);
        } else {
          payload.release();
        }
      } else if (backend.isActive() && backend.isWritable()) {
        backend.writeAndFlush(payload, backend.voidPromise());
      } else {
        payload.release();
      }
    }

    void connected() {
      ArrayDeque<ByteBuf> q = pending;
      pending = null;
      if (q != null) {
        q.forEach(b -> backend.write(b, backend.voidPromise()));
        backend.flush();
      }
    }

    void reply(ByteBuf payload) {
      if (listener.isActive() && listener.isWritable()) {
        listener.writeAndFlush(new DatagramPacket(payload, key.client()), listener.voidPromise());
      } else {
        payload.release();
      }
    }
  }

  /** Replies from the target to one flow. */
  private static final class Backend extends ChannelInboundHandlerAdapter {
    private final Flow flow;

    Backend(Flow flow) {
      this.flow = flow;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof DatagramPacket p) {
        flow.reply(p.content());
      } else if (msg instanceof ByteBuf b) {
        flow.reply(b);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP port unreachable from the target: the flow stays, as a connectionless NLB flow does
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      ArrayDeque<ByteBuf> q = flow.pending;
      flow.pending = null;
      if (q != null) {
        q.forEach(ReferenceCountUtil::safeRelease);
      }
    }
  }

  @Override
  public void close() {
    sockets.close();
    flows.values().forEach(f -> f.backend.close());
    flows.clear();
  }
}
