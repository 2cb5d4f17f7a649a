package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The UDP relay's flow lifetime: a flow keeps its socket to the target while active and is forgotten once idle. */
class UdpRelayTest {
  static final String NODE = "127.0.1.1";

  @RegisterExtension final Resources res = new Resources();

  @Test
  void anIdleFlowIsForgottenAndTheNextDatagramStartsANewOne() throws Exception {
    UdpBackend target = res.add(new UdpBackend("u1", "127.0.2.1", 0));
    Transport transport = res.add(new Transport(Namespaces.HOST, 1));
    UdpRelay relay = res.add(new UdpRelay(transport, "host", 1));
    var spec = new TargetGroupSpec("tg", "UDP", 0, "ip", new HealthCheckSpec(false, "TCP", -1, null, 30, 10, 5, 2, null),
        false, 1, List.of(target("u1", "127.0.2.1", target.port(), AZ_A)));
    TargetGroupRuntime group = res.add(new TargetGroupRuntime(
        new TargetGroupRuntime.Context(transport, "host", new RecordingSink(), HealthTiming.FAST), spec, true));
    int port = freePort();
    ListenerKey key = new ListenerKey(NODE, port);
    assertTrue(relay.reconcile(Set.of(key), (k, c) -> new UdpRelay.Route(spec.targets().getFirst(), group, NODE)).isEmpty());
    DatagramSocket client = res.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)));
    client.setSoTimeout(3000);
    for (String text : List.of("a", "b")) {
      assertEquals("u1:" + text, exchange(client, port, text));
    }
    assertEquals(1, target.senders.stream().distinct().count(), "one flow, one socket to the target");
    Thread.sleep(2500);
    assertEquals("u1:c", exchange(client, port, "c"));
    assertEquals(2, target.senders.stream().distinct().count(), "after the idle timeout the flow was new");
  }

  private static String exchange(DatagramSocket client, int port, String text) throws Exception {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    client.send(new DatagramPacket(b, b.length, new InetSocketAddress(NODE, port)));
    DatagramPacket reply = new DatagramPacket(new byte[512], 512);
    client.receive(reply);
    return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
  }
}
