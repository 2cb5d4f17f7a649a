package dev.privatelink.dataplane.privatelink;

import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.dataplane.elb.LinkCounters;
import dev.privatelink.dataplane.elb.ListenerSet;
import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.spec.EndpointSpec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The listening sockets and open connections of one interface endpoint. */
final class EndpointRuntime implements AutoCloseable {
  /** One listening socket: an ENI address and a port. */
  record Key(String ip, int port) {}

  /** Where a listening socket's connections go: an NLB and the AZ of the ENI. */
  record Target(String nlbArn, String availabilityZone) {}

  private final LoadBalancerEngine loadBalancers;
  private final String netns;
  private final String consumerVpcId;
  private final Map<Key, Channel> listeners = new HashMap<>();
  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, List<LinkCounters.Counter>> counters = new ConcurrentHashMap<>();
  private volatile Map<Key, Target> targets = Map.of();
  private volatile @Nullable String endpointId;
  private long boundIn = -1;

  EndpointRuntime(LoadBalancerEngine loadBalancers, String netns, String consumerVpcId) {
    this.loadBalancers = loadBalancers;
    this.netns = netns;
    this.consumerVpcId = consumerVpcId;
  }

  String consumerVpcId() {
    return consumerVpcId;
  }

  /** Binds new ENI ports, closes gone ones; returns what could not be bound. */
  List<String> update(EndpointSpec spec, Map<Key, Target> wanted) {
    this.endpointId = spec.endpointId();
    this.targets = Map.copyOf(wanted);
    long now = loadBalancers.transport().namespaces().identity(netns);
    if (now != boundIn) {
      // The consumer VPC's namespace was made anew: these sockets and flows are in the old one.
      close();
      boundIn = now;
    }
    listeners.entrySet().removeIf(e -> {
      if (wanted.containsKey(e.getKey())) {
        return false;
      }
      ListenerSet.closeNow(e.getValue());
      return true;
    });
    List<String> failures = new ArrayList<>();
    Map<Key, ChannelFuture> started = new HashMap<>();
    for (Key k : wanted.keySet()) {
      if (listeners.containsKey(k)) {
        continue;
      }
      try {
        started.put(k, bind(k));
      } catch (RuntimeException e) {
        failures.add(ListenerSet.cannotListen(k.ip(), k.port(), e));
      }
    }
    ListenerSet.awaitBinds(started, listeners::put, (k, e) -> failures.add(ListenerSet.cannotListen(k.ip(), k.port(), e)));
    return failures;
  }

  private ChannelFuture bind(Key k) {
    var transport = loadBalancers.transport();
    return new ServerBootstrap()
        .group(transport.group())
        .channelFactory(transport.server(netns))
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            Target t = targets.get(k);
            if (t == null) {
              LoadBalancerEngine.reset(ch);
              return;
            }
            connections.add(ch);
            countersTo(t.nlbArn()).forEach(c -> c.track(ch));
            ch.closeFuture().addListener(f -> connections.remove(ch));
            loadBalancers.handOff(t.nlbArn(), t.availabilityZone(), ch, EndpointEngine.origin(ch, endpointId));
          }
        })
        .bind(k.ip(), k.port());
  }

  /**
   * The counters a connection to {@code nlbArn} bumps: this endpoint's link, and the NLB's
   * PrivateLink link (all endpoints' flows into it); found once per NLB, not per connection.
   */
  private List<LinkCounters.Counter> countersTo(String nlbArn) {
    List<LinkCounters.Counter> found = counters.get(nlbArn);
    if (found == null) {
      LinkCounters links = loadBalancers.linkCounters();
      found = List.of(links.link(String.valueOf(endpointId), nlbArn), links.link(LinkCounts.PRIVATELINK, nlbArn));
      counters.put(nlbArn, found);
    }
    return found;
  }

  /** Stops listening and resets every open connection, as a rejected or deleted endpoint does. */
  @Override
  public void close() {
    listeners.values().forEach(ListenerSet::closeNow);
    listeners.clear();
    connections.forEach(LoadBalancerEngine::reset);
    connections.clear();
  }
}
