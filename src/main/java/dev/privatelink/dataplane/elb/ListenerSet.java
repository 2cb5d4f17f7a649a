package dev.privatelink.dataplane.elb;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The listening sockets of one load balancer, reconciled by key: a socket whose key stays keeps
 * running with its accepted connections; the handler it was bound with reads the listener's
 * current configuration, so a changed listener needs no rebind.
 */
final class ListenerSet implements AutoCloseable {
  private final Transport transport;
  private final String netns;
  private final Map<ListenerKey, Channel> bound = new HashMap<>();

  ListenerSet(Transport transport, String netns) {
    this.transport = transport;
    this.netns = netns;
  }

  /**
   * Binds what is new, closes what is gone.
   *
   * @return a failure description per key that could not be bound
   */
  synchronized Map<ListenerKey, String> reconcile(Set<ListenerKey> wanted, Function<ListenerKey, ChannelHandler> child,
      boolean autoRead) {
    bound.entrySet().removeIf(e -> {
      if (wanted.contains(e.getKey())) {
        return false;
      }
      e.getValue().close();
      return true;
    });
    Map<ListenerKey, String> failures = new HashMap<>();
    for (ListenerKey k : wanted) {
      if (bound.containsKey(k)) {
        continue;
      }
      try {
        Channel ch = new ServerBootstrap()
            .group(transport.group())
            .channelFactory(transport.server(netns))
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.AUTO_READ, autoRead)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(child.apply(k))
            .bind(k.ip(), k.port()).sync().channel();
        bound.put(k, ch);
      } catch (Exception e) {
        failures.put(k, "cannot listen on " + k.ip() + ":" + k.port() + ": " + e.getMessage());
      }
    }
    return failures;
  }

  @Override
  public synchronized void close() {
    bound.values().forEach(Channel::close);
    bound.clear();
  }
}
