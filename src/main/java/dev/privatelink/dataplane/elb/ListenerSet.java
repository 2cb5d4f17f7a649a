package dev.privatelink.dataplane.elb;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The listening sockets of one load balancer, reconciled by key: a socket whose key stays keeps
 * running with its accepted connections; the handler it was bound with reads the listener's
 * current configuration, so a changed listener needs no rebind. Every socket is bound again when
 * the VPC's namespace was made anew since the last reconcile.
 */
public final class ListenerSet implements AutoCloseable {
  /** Large enough that a bulk response does not stop and restart its reads every 64 KiB. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  private final Transport transport;
  private final String netns;
  private final Map<ListenerKey, Channel> bound = new HashMap<>();
  // The namespace the sockets in bound are in: when the name comes to mean another namespace
  // (deleted and made again behind the data plane's back) they are unreachable and are bound again.
  private long boundIn = -1;

  ListenerSet(Transport transport, String netns) {
    this.transport = transport;
    this.netns = netns;
  }

  /**
   * Listens on every port on every node of the load balancer: binds what is new, closes what is gone.
   *
   * @return a failure description per key that could not be bound
   */
  Map<ListenerKey, String> reconcile(List<LoadBalancerSpec.Node> nodes, Set<Integer> ports,
      Function<ListenerKey, ChannelHandler> child, boolean autoRead) {
    Set<ListenerKey> wanted = new HashSet<>();
    for (LoadBalancerSpec.Node n : nodes) {
      ports.forEach(p -> wanted.add(new ListenerKey(n.privateIp(), p)));
    }
    return reconcile(wanted, child, autoRead);
  }

  /** Tells the sink how an update went: ready, or failed with every reason joined. */
  static void report(StatusSink sink, String arn, Collection<String> failures) {
    if (failures.isEmpty()) {
      sink.ready(arn);
    } else {
      sink.failed(arn, String.join("; ", failures));
    }
  }

  /**
   * Starts opening the socket of one key (a TCP server socket, or a UDP socket for the NLB's UDP
   * listeners); the returned bind completes on the socket's event loop.
   */
  interface Binder {
    ChannelFuture bind(ListenerKey key) throws Exception;
  }

  /**
   * Binds what is new with TCP server sockets whose connections get {@code child}, closes what is gone.
   *
   * @return a failure description per key that could not be bound
   */
  Map<ListenerKey, String> reconcile(Set<ListenerKey> wanted, Function<ListenerKey, ChannelHandler> child,
      boolean autoRead) {
    return reconcile(wanted, k -> new ServerBootstrap()
        .group(transport.group())
        .channelFactory(transport.server(netns))
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, autoRead)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
        .childHandler(child.apply(k))
        .bind(k.ip(), k.port()));
  }

  /**
   * Binds what is new with {@code binder}, closes what is gone.
   *
   * @return a failure description per key that could not be bound
   */
  synchronized Map<ListenerKey, String> reconcile(Set<ListenerKey> wanted, Binder binder) {
    long now = transport.namespaces().identity(netns);
    boolean moved = now != boundIn;
    boundIn = now;
    bound.entrySet().removeIf(e -> {
      if (!moved && wanted.contains(e.getKey())) {
        return false;
      }
      closeNow(e.getValue());
      return true;
    });
    Map<ListenerKey, String> failures = new HashMap<>();
    Map<ListenerKey, ChannelFuture> started = new HashMap<>();
    for (ListenerKey k : wanted) {
      if (bound.containsKey(k)) {
        continue;
      }
      try {
        started.put(k, binder.bind(k));
      } catch (Exception e) {
        failures.put(k, cannotListen(k.ip(), k.port(), e));
      }
    }
    awaitBinds(started, bound::put, (k, e) -> failures.put(k, cannotListen(k.ip(), k.port(), e)));
    return failures;
  }

  /**
   * Waits for binds started together, so that the event loops work on all of them at once rather
   * than one socket after the other (a new load balancer or endpoint binds one per node or ENI).
   */
  public static <K> void awaitBinds(Map<K, ChannelFuture> started, BiConsumer<K, Channel> bound,
      BiConsumer<K, Throwable> failed) {
    started.forEach((k, f) -> {
      f.awaitUninterruptibly();
      if (f.isSuccess()) {
        bound.accept(k, f.channel());
      } else {
        failed.accept(k, f.cause());
      }
    });
  }

  /** The failure text of a socket that could not be bound. */
  public static String cannotListen(String ip, int port, Throwable cause) {
    return "cannot listen on " + ip + ":" + port + ": " + cause.getMessage();
  }

  @Override
  public synchronized void close() {
    bound.values().forEach(ListenerSet::closeNow);
    bound.clear();
  }

  /** Closes a listening socket and, off the event loop, waits: once apply returns, the port is free. */
  public static void closeNow(Channel ch) {
    var f = ch.close();
    if (!ch.eventLoop().inEventLoop()) {
      f.awaitUninterruptibly();
    }
  }
}
