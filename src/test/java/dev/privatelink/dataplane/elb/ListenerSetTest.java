package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Namespaces;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A load balancer's sockets, bound together: each key listens or fails on its own. */
class ListenerSetTest {
  static final String NODE = "127.0.1.1";

  @RegisterExtension final Resources res = new Resources();

  @Test
  void aTakenPortFailsItsOwnKeyWhileTheOthersListen() throws Exception {
    Transport transport = res.add(new Transport(Namespaces.HOST, 2));
    ListenerSet listeners = res.add(new ListenerSet(transport, "host"));
    ServerSocket taken = res.add(new ServerSocket());
    taken.bind(new InetSocketAddress(NODE, 0));
    ListenerKey busy = new ListenerKey(NODE, taken.getLocalPort());
    ListenerKey free1 = new ListenerKey(NODE, freePort());
    ListenerKey free2 = new ListenerKey(NODE, freePort());

    Map<ListenerKey, String> failures = listeners.reconcile(Set.of(busy, free1, free2),
        k -> new ChannelInboundHandlerAdapter(), true);

    assertEquals(Set.of(busy), failures.keySet());
    assertTrue(failures.get(busy).startsWith("cannot listen on " + NODE + ":" + busy.port() + ": "), failures.get(busy));
    for (ListenerKey k : Set.of(free1, free2)) {
      try (Socket s = new Socket(NODE, k.port())) {
        assertTrue(s.isConnected());
      }
    }
    // the failed key is tried again on the next reconcile, once its port is free
    taken.close();
    assertTrue(listeners.reconcile(Set.of(busy, free1, free2), k -> new ChannelInboundHandlerAdapter(), true).isEmpty());
    try (Socket s = new Socket(NODE, busy.port())) {
      assertTrue(s.isConnected());
    }
  }
}
