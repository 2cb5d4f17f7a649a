package dev.privatelink.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TestIds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sockets land in the namespace asked for while cached descriptors are dropped and namespaces
 * come and go around them: a descriptor closed under a thread about to enter it would let its
 * number be reused (by the thread's own home descriptor, a socket, another namespace) and the
 * socket would open elsewhere.
 */
@NetnsTest
class SetnsNamespacesRaceTest {
  private static final long STRESS_MILLIS = 3_000;
  private static final int WORKERS = 4;
  private final String prefix = "pl-nr" + TestIds.RUN_TAG + "-";
  private final SetnsNamespaces namespaces = new SetnsNamespaces();
  /** Namespaces that live through the test, each with an address no other namespace has. */
  private final Map<String, String> stableAddress = new ConcurrentHashMap<>();
  private final Map<String, String> stableInode = new ConcurrentHashMap<>();
  private final List<String> transients = List.of(prefix + "t0", prefix + "t1");
  private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sockets = new AtomicInteger();
  private volatile boolean running = true;

  @BeforeEach
  void createNamespaces() throws IOException {
    for (int i = 0; i < 3; i++) {
      String ns = prefix + "s" + i;
      Host.run("ip", "netns", "add", ns);
      Host.ipBatch(ns, List.of("link set lo up", "addr add 10.125.0." + (i + 1) + "/32 dev lo"));
      stableAddress.put(ns, "10.125.0." + (i + 1));
      stableInode.put(ns, "net:[" + Files.getAttribute(Path.of("/var/run/netns", ns), "unix:ino") + "]");
    }
  }

  @AfterEach
  void deleteNamespaces() {
    running = false;
    namespaces.close();
    List<String> all = new ArrayList<>(stableAddress.keySet());
    all.addAll(transients);
    all.forEach(ns -> Host.tryRun(List.of("ip", "netns", "delete", ns), null));
  }

  @Test
  void everySocketOpensInTheNamespaceItWasAskedFor() throws Exception {
    String home = currentNs();
    List<Thread> threads = new ArrayList<>();
    threads.add(Thread.ofPlatform().name("ns-forgetter").start(this::forgetStableOnes));
    threads.add(Thread.ofPlatform().name("ns-churner").start(this::churnTransientOnes));
    for (int i = 0; i < WORKERS; i++) {
      threads.add(Thread.ofPlatform().name("ns-worker-" + i).start(() -> openSockets(home)));
    }
    Thread.sleep(STRESS_MILLIS);
    running = false;
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertEquals(List.of(), List.copyOf(wrong).subList(0, Math.min(10, wrong.size())), wrong.size() + " misplaced");
    assertTrue(sockets.get() > 100, "the stress opened too few sockets to mean anything: " + sockets.get());
    assertEquals(home, currentNs());
  }

  /** What the fabric does when it deletes a VPC, here without deleting: the cache lets go of the descriptor. */
  private void forgetStableOnes() {
    List<String> names = List.copyOf(stableAddress.keySet());
    while (running) {
      namespaces.forget(names.get(ThreadLocalRandom.current().nextInt(names.size())));
      Thread.onSpinWait();
    }
  }

  private void churnTransientOnes() {
    while (running) {
      String ns = transients.get(ThreadLocalRandom.current().nextInt(transients.size()));
      if (Host.tryRun(List.of("ip", "netns", "add", ns), null).exitCode() != 0) {
        namespaces.forget(ns);
        Host.tryRun(List.of("ip", "netns", "delete", ns), null);
      }
    }
  }

  private void openSockets(String home) {
    List<String> stable = List.copyOf(stableAddress.keySet());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running) {
      try {
        if (random.nextInt(4) == 0) {
          enterTransient(transients.get(random.nextInt(transients.size())), home);
        } else {
          enterStable(stable.get(random.nextInt(stable.size())));
        }
        if (!currentNs().equals(home)) {
          wrong.add(Thread.currentThread().getName() + " did not come back home");
        }
      } catch (Exception e) {
        wrong.add(e.toString());
      }
    }
  }

  /** Binding the namespace's own address succeeds only inside it. */
  private void enterStable(String ns) throws Exception {
    String inside = namespaces.call(ns, () -> {
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName(stableAddress.get(ns)), 0));
        sockets.incrementAndGet();
      } catch (IOException e) {
        return "bind failed (" + e.getMessage() + ") in " + currentNs();
      }
      return currentNs();
    });
    if (!inside.equals(stableInode.get(ns))) {
      wrong.add(ns + " (" + stableInode.get(ns) + "): " + inside);
    }
  }

  /** A namespace that may vanish: failing to find it is fine, entering somewhere else is not. */
  private void enterTransient(String ns, String home) throws Exception {
    String inside;
    try {
      inside = namespaces.call(ns, () -> {
        try (ServerSocket s = new ServerSocket(0)) {
          sockets.incrementAndGet();
        }
        return currentNs();
      });
    } catch (IllegalArgumentException | IllegalStateException gone) {
      if (gone.getMessage() != null && gone.getMessage().startsWith("setns into")) {
        wrong.add(ns + ": " + gone.getMessage());
      }
      return;
    }
    if (inside.equals(home) || stableInode.containsValue(inside)) {
      wrong.add(ns + " entered " + (inside.equals(home) ? "the home namespace" : "a stable one") + ": " + inside);
    }
  }

  private static String currentNs() throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
  }
}
