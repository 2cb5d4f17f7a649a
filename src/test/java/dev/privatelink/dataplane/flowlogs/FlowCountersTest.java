package dev.privatelink.dataplane.flowlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamespaceOwners;
import dev.privatelink.dataplane.spec.FlowSample;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TestIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flow counters in a namespace of their own, with a stand-in for the security groups that
 * drops TCP port 9999: a connection to 8080 is counted ACCEPT from both interfaces with its SYN;
 * one to 9999 is REJECT on the interface whose groups dropped it (the receiver's, when the sender's
 * egress let it out, with an ACCEPT on the sender's; else the sender's alone); and a second read
 * reports only what came after the first.
 */
@NetnsTest
class FlowCountersTest {
  private static final String NS = HostNames.vpcNamespace(TestIds.next("vpc"));
  private static final Map<String, String> ENIS = Map.of("10.9.0.5", "eni-a", "10.9.0.6", "eni-b");
  private static final FlowDelta.Egress OPEN = (src, dst, protocol, port) -> true;

  @BeforeAll
  static void namespace() {
    // Claimed as the fabric claims its namespaces, so no other cloud's reaper takes it meanwhile.
    NamespaceOwners.claim(NS);
    Host.run("ip", "netns", "add", NS);
    Host.ipBatch(NS, List.of("link set lo up", "addr add 10.9.0.5/32 dev lo", "addr add 10.9.0.6/32 dev lo"));
    Host.nft(NS, "table inet pl_sg { chain output { type filter hook output priority filter; policy accept;"
        + " tcp dport 9999 drop; }; }\n");
    Host.nft(NS, FlowCounters.script());
  }

  @AfterAll
  static void remove() {
    Host.tryRun(List.of("ip", "netns", "delete", NS), null);
    NamespaceOwners.release(NS);
  }

  private static void connect(int port) {
    String py = "import socket,sys\n"
        + "srv=socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(('10.9.0.6', 8080)); srv.listen()\n"
        + "c=socket.socket(); c.bind(('10.9.0.5', 0)); c.settimeout(1)\n"
        + "try:\n  c.connect(('10.9.0.6', " + port + ")); c.sendall(b'hello')\nexcept OSError: pass\n";
    Host.run(List.of("ip", "netns", "exec", NS, "python3", "-c", py), null);
  }

  private static Map<String, Map<FlowReading.Tuple, FlowReading.Count>> read() {
    return FlowReading.parse(Host.run("ip", "netns", "exec", NS, "nft", "-j", "list", "table", "inet", FlowCounters.TABLE));
  }

  @Test
  void acceptedAndRejectedFlowsAreCountedPerInterfaceAndOnlyOncePerInterval() {
    connect(8080);
    connect(9999);
    var first = read();
    List<FlowSample> samples = FlowDelta.samples(Map.of(), first, ENIS, OPEN, 100, 105);
    List<FlowSample> toWeb = samples.stream().filter(s -> s.dstPort() == 8080).toList();
    assertEquals(2, toWeb.size(), samples.toString());
    assertTrue(toWeb.stream().allMatch(FlowSample::accepted));
    assertTrue(toWeb.stream().anyMatch(s -> s.networkInterfaceId().equals("eni-a") && !s.ingress()));
    assertTrue(toWeb.stream().anyMatch(s -> s.networkInterfaceId().equals("eni-b") && s.ingress()));
    assertTrue((toWeb.getFirst().tcpFlags() & 2) != 0, "the SYN: " + toWeb.getFirst());
    assertEquals(6, toWeb.getFirst().protocol());
    assertTrue(toWeb.getFirst().packets() >= 3, "SYN, ACK, data: " + toWeb.getFirst());
    List<FlowSample> blocked = samples.stream().filter(s -> s.dstPort() == 9999).toList();
    assertEquals(2, blocked.size(), samples.toString());
    assertTrue(blocked.stream().anyMatch(s -> s.networkInterfaceId().equals("eni-a") && !s.ingress() && s.accepted()),
        "the sender's groups let it out: " + blocked);
    assertTrue(blocked.stream().anyMatch(s -> s.networkInterfaceId().equals("eni-b") && s.ingress() && !s.accepted()),
        "the receiver's dropped it: " + blocked);
    List<FlowSample> keptIn = FlowDelta.samples(Map.of(), first, ENIS, (src, dst, protocol, port) -> port != 9999, 100, 105)
        .stream().filter(s -> s.dstPort() == 9999).toList();
    assertEquals(1, keptIn.size(), "only the sender has a record of what its own egress dropped: " + keptIn);
    assertTrue(keptIn.getFirst().networkInterfaceId().equals("eni-a") && !keptIn.getFirst().accepted(), keptIn.toString());
    assertTrue(samples.stream().filter(s -> s.srcPort() == 8080).allMatch(FlowSample::accepted), "the replies pass");

    assertEquals(List.of(), FlowDelta.samples(first, read(), ENIS, OPEN, 105, 110), "nothing new, nothing reported");
    connect(9999);
    List<FlowSample> again = FlowDelta.samples(first, read(), ENIS, OPEN, 105, 110);
    assertTrue(!again.isEmpty() && again.stream().allMatch(s -> s.dstPort() == 9999 && s.accepted() != s.ingress()), again.toString());
  }
}
