package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcpFromGroup;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.testing.RecordingSink;
import dev.privatelink.testing.NetnsTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real packets between instances and managed ENIs of one VPC, allowed or dropped by security
 * groups. Layout: subnet A 10.0.1.0/24 holds i1 (client), i2 (web) and the load balancer ENI
 * .100; subnet B 10.0.2.0/24 holds i3 (cidr-limited) and i4 (open + client) and the endpoint
 * ENI .100. Every instance serves HTTP on 8080 naming itself.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FabricConnectivityTest {
  @TempDir static Path dataDir;
  private final RecordingSink sink = new RecordingSink();
  private FabricDataPlane plane;
  private InInstance in;
  private final VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
  private String sgClient, sgWeb, sgCidr, sgOpen, sgLb;
  private String i1, i2, i3, i4;

  @BeforeAll
  void build() throws Exception {
    String a = vpc.subnet("10.0.1.0/24");
    String b = vpc.subnet("10.0.2.0/24");
    sgClient = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    sgCidr = vpc.group(List.of(tcp(8080, 8080, "10.0.1.0/24")), List.of(tcp(8080, 8080, "10.0.1.0/24")));
    sgWeb = vpc.group(List.of(tcpFromGroup(8000, 9999, sgClient), tcpFromGroup(8080, 8080, sgCidr)), List.of(all("0.0.0.0/0")));
    sgOpen = vpc.group(List.of(all("10.0.0.0/16")), List.of(all("0.0.0.0/0")));
    sgLb = vpc.group(List.of(tcpFromGroup(8080, 8080, sgClient)), List.of(all("0.0.0.0/0")));
    String sgEp = vpc.group(List.of(tcpFromGroup(8080, 8080, sgLb)), List.of(all("0.0.0.0/0")));
    i1 = vpc.instance(a, "10.0.1.10", "", sgClient);
    i2 = vpc.instance(a, "10.0.1.11", "", sgWeb);
    i3 = vpc.instance(b, "10.0.2.10", "", sgCidr);
    i4 = vpc.instance(b, "10.0.2.11", "", sgOpen, sgClient);
    vpc.managedEni(a, "10.0.1.100", EniSpec.Kind.LOAD_BALANCER, sgLb);
    vpc.managedEni(b, "10.0.2.100", EniSpec.Kind.VPC_ENDPOINT, sgEp);
    plane = new FabricDataPlane(new FabricDataPlane.Options(dataDir, false), sink);
    in = new InInstance(plane.instances());
    plane.apply(state());
    assertEquals(List.of(), sink.failures);
    for (String i : List.of(i1, i2, i3, i4)) {
      in.httpServer(i, 8080, i);
    }
  }

  @AfterAll
  void tearDown() {
    if (plane != null) {
      plane.close();
    }
  }

  private HostState state() {
    return new HostState(1, List.of(vpc.build()), List.of());
  }

  @Test
  void instanceToInstanceFollowsIngressAndEgressOfBothSides() throws Exception {
    assertAll(
        () -> assertEquals(i2, in.get(i1, "10.0.1.11", 8080), "same subnet, ingress by group reference"),
        () -> assertEquals(i2, in.get(i4, "10.0.1.11", 8080), "across subnets, second group of the source counts"),
        () -> assertEquals(i3, in.get(i1, "10.0.2.10", 8080), "across subnets, ingress by CIDR"),
        () -> assertNull(in.get(i4, "10.0.2.10", 8080), "source outside the ingress CIDR"),
        () -> assertEquals(i2, in.get(i3, "10.0.1.11", 8080), "egress by CIDR, ingress by the source's group"),
        () -> assertNull(in.get(i3, "10.0.2.11", 8080), "target allows, the source's egress does not"),
        () -> assertEquals(i4, in.get(i1, "10.0.2.11", 8080), "open target, control"),
        () -> assertNull(in.get(i2, "10.0.1.10", 8080), "client group has no ingress"),
        () -> assertNull(in.get(i1, "10.0.9.9", 8080), "no such address in the VPC"));
  }

  @Test
  void managedEnisAreFilteredOnInputOutputAndLoopback() throws Exception {
    String ns = HostNames.vpcNamespace(vpc.vpcId);
    try (ServerSocket lb = listen(ns, "10.0.1.100"); ServerSocket ep = listen(ns, "10.0.2.100")) {
      assertAll(
          () -> assertTrue(reaches(i1, "10.0.1.100", lb), "instance to LB node: INPUT, allowed by group"),
          () -> assertTrue(!reaches(i3, "10.0.1.100", lb), "instance to LB node: INPUT, not in the group"),
          () -> assertTrue(connects(ns, "10.0.1.100", "10.0.2.11"), "LB node to open instance: OUTPUT"),
          () -> assertTrue(!connects(ns, "10.0.1.100", "10.0.1.11"), "LB node to web: OUTPUT, denied by ingress"),
          () -> assertTrue(connects(ns, "10.0.1.100", "10.0.2.100"), "LB to endpoint over lo, allowed"),
          () -> assertTrue(!connects(ns, "10.0.2.100", "10.0.1.100"), "endpoint to LB over lo, denied"));
    }
  }

  @Test
  void ruleChangesApplyAndEstablishedFlowsSurviveThem() throws Exception {
    in.background(i2, "exec python3 -c \"" + ECHO_SERVER + "\"");
    assertEquals(0, in.sh(i2, "for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/9000) 2>/dev/null && exit 0; sleep 0.1; done; exit 1").exit());
    Path flowErr = dataDir.resolve("flow.err");
    Process flow = plane.instances().exec(i1, List.of("python3", "-u", "-c", ECHO_CLIENT), false)
        .redirectError(flowErr.toFile()).start();
    try (OutputStream toFlow = flow.getOutputStream();
         BufferedReader fromFlow = new BufferedReader(new InputStreamReader(flow.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("one", roundTrip(toFlow, fromFlow, "one"), () -> read(flowErr));

      vpc.replaceGroup(sgCidr, List.of(tcp(8080, 8080, "10.0.1.0/24")), List.of(tcp(8080, 8080, "10.0.0.0/16")));
      plane.apply(state());
      assertEquals(i4, in.get(i3, "10.0.2.11", 8080), "egress widened");
      assertEquals("two", roundTrip(toFlow, fromFlow, "two"), "established flow survives an unrelated change");

      vpc.replaceGroup(sgWeb, List.of(tcpFromGroup(8080, 8080, sgCidr)), List.of(all("0.0.0.0/0")));
      plane.apply(state());
      assertNull(in.get(i1, "10.0.1.11", 8080), "ingress from the client group revoked");
      assertEquals(i2, in.get(i3, "10.0.1.11", 8080), "the remaining rule still applies");
    } finally {
      flow.destroyForcibly();
      vpc.replaceGroup(sgCidr, List.of(tcp(8080, 8080, "10.0.1.0/24")), List.of(tcp(8080, 8080, "10.0.1.0/24")));
      vpc.replaceGroup(sgWeb, List.of(tcpFromGroup(8000, 9999, sgClient), tcpFromGroup(8080, 8080, sgCidr)), List.of(all("0.0.0.0/0")));
      plane.apply(state());
    }
  }

  @Test
  void reapplyingTheSameStateRestartsNothing() throws Exception {
    long init = plane.instances().initPid(i1);
    plane.apply(state());
    assertEquals(init, plane.instances().initPid(i1));
    assertEquals(i2, in.get(i1, "10.0.1.11", 8080), "servers started by exec still run");
  }

  private static final String ECHO_SERVER = "import socket\n"
      + "s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', 9000)); s.listen()\n"
      + "while True:\n c,_=s.accept()\n try:\n  for l in c.makefile('rb'): c.sendall(l)\n except OSError:\n  pass\n";
  private static final String ECHO_CLIENT = "import socket,sys\n"
      + "c=socket.create_connection(('10.0.1.11', 9000), timeout=3); f=c.makefile('rb')\n"
      + "for l in sys.stdin:\n c.sendall(l.encode()); print(f.readline().decode().strip(), flush=True)\n";

  private static String read(Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String roundTrip(OutputStream out, BufferedReader in, String line) throws Exception {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return in.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(5, TimeUnit.SECONDS);
  }

  private ServerSocket listen(String ns, String ip) throws Exception {
    return plane.namespaces().call(ns, () -> new ServerSocket(8080, 50, java.net.InetAddress.getByName(ip)));
  }

  /** Whether {@code from} connects to the JVM's listener at ip:8080 (and the JVM accepts it). */
  private boolean reaches(String from, String ip, ServerSocket server) throws Exception {
    server.setSoTimeout(3000);
    CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> {
      try (Socket s = server.accept()) {
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    in.sh(from, "(echo hi > /dev/tcp/" + ip + "/8080) 2>/dev/null & sleep 1.5; kill $! 2>/dev/null; true");
    return accepted.get(5, TimeUnit.SECONDS);
  }

  /** Whether the JVM, bound to managed ENI {@code src}, connects to {@code dst}:8080. */
  private boolean connects(String ns, String src, String dst) throws Exception {
    // java.net.Socket creates its descriptor lazily: bind inside the namespace, connect anywhere.
    try (Socket s = plane.namespaces().call(ns, () -> {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(src, 0));
      return socket;
    })) {
      s.connect(new InetSocketAddress(dst, 8080), 1500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
