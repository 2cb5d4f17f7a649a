package dev.privatelink.dataplane.elb;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Socket addresses of the nodes and targets a load balancer connects from and to, parsed once:
 * {@code new InetSocketAddress(String, int)} parses the textual IP on every call, which a flow
 * per connection pays twice (source and destination). Bounded by the addresses in the specs,
 * and cleared when it grows past that because specs changed many times.
 */
final class SocketAddresses {
  private static final int MAX = 4096;

  private record Key(String ip, int port) {}

  private final Map<Key, InetSocketAddress> cache = new ConcurrentHashMap<>();

  InetSocketAddress of(String ip, int port) {
    Key k = new Key(ip, port);
    InetSocketAddress a = cache.get(k);
    if (a == null) {
      if (cache.size() >= MAX) {
        cache.clear();
      }
      a = new InetSocketAddress(ip, port);
      cache.put(k, a);
    }
    return a;
  }
}
