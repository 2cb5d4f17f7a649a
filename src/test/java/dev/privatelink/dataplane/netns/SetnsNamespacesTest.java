package dev.privatelink.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TestIds;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NetnsTest
class SetnsNamespacesTest {
  private final String ns = "pl-ns" + TestIds.RUN_TAG;
  private final SetnsNamespaces namespaces = new SetnsNamespaces();

  @BeforeEach
  void createNamespace() {
    Host.run("ip", "netns", "add", ns);
    Host.ipBatch(ns, java.util.List.of("link set lo up", "addr add 10.123.0.1/32 dev lo"));
  }

  @AfterEach
  void deleteNamespace() {
    namespaces.close();
    Host.tryRun(java.util.List.of("ip", "netns", "delete", ns), null);
  }

  @Test
  void threadEntersTheNamespaceAndComesBack() throws Exception {
    String before = currentNs();
    String inside = namespaces.call(ns, SetnsNamespacesTest::currentNs);
    assertNotEquals(before, inside);
    long inode = (Long) Files.getAttribute(Path.of("/var/run/netns", ns), "unix:ino");
    assertEquals("net:[" + inode + "]", inside);
    assertEquals(before, currentNs());
  }

  @Test
  void socketOpenedInsideStaysInsideAfterTheThreadLeaves() throws Exception {
    assertThrows(BindException.class, () -> new ServerSocket(0, 1, InetAddress.getByName("10.123.0.1")).close(),
        "the address exists only in the namespace");
    try (ServerSocket server = namespaces.call(ns,
        () -> new ServerSocket(0, 1, InetAddress.getByName("10.123.0.1")))) {
      int port = server.getLocalPort();
      try (Socket client = namespaces.call(ns, () -> {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("10.123.0.1", port), 2000);
        return s;
      }); Socket accepted = server.accept()) {
        assertTrue(accepted.isConnected());
      }
    }
  }

  @Test
  void recreatedNamespaceIsNotEnteredThroughAStaleDescriptor() throws Exception {
    String first = namespaces.call(ns, SetnsNamespacesTest::currentNs);
    Host.run("ip", "netns", "delete", ns);
    Host.run("ip", "netns", "add", ns);
    String second = namespaces.call(ns, SetnsNamespacesTest::currentNs);
    assertNotEquals(first, second);
  }

  @Test
  void refusesVirtualThreads() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread.ofVirtual().start(() -> {
      try {
        namespaces.call(ns, () -> "entered");
      } catch (Throwable t) {
        thrown.set(t);
      }
    }).join();
    assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
  }

  private static String currentNs() throws Exception {
    return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
  }

}
