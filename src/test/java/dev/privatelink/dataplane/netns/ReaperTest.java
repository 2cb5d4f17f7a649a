package dev.privatelink.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TestIds;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@NetnsTest
class ReaperTest {
  private final String tag = TestIds.RUN_TAG;
  private final Reaper reaper = new Reaper("pl-rp" + tag, "plrp" + tag, "pl_rp" + tag);

  @Test
  void removesNamespacesTheirProcessesLinksAndTables() throws Exception {
    String ns = "pl-rp" + tag + "-a";
    Host.run("ip", "netns", "add", ns);
    Process sleeper = new ProcessBuilder("ip", "netns", "exec", ns, "sleep", "600").start();
    Host.run("ip", "link", "add", "plrp" + tag, "type", "veth", "peer", "name", "plrp" + tag + "b");
    Host.run("nft", "add", "table", "inet", "pl_rp" + tag);
    waitUntilListed(ns);

    List<String> removed = reaper.reap();

    // one veth end takes its peer with it, so three removals cover four objects
    assertEquals(3, removed.size(), removed.toString());
    assertTrue(sleeper.waitFor(3, TimeUnit.SECONDS), "the process inside the namespace was killed");
    assertEquals(List.of(), Reaper.namespaces("pl-rp" + tag));
    assertFalse(Host.run("ip", "-o", "link", "show").contains("plrp" + tag));
    assertFalse(Host.run("nft", "list", "tables").contains("pl_rp" + tag));
  }

  @Test
  void isSafeWhenNothingExists() {
    assertEquals(List.of(), reaper.reap());
  }

  private static void waitUntilListed(String ns) throws InterruptedException {
    for (int i = 0; i < 50 && Host.run("ip", "netns", "pids", ns).isBlank(); i++) {
      Thread.sleep(20);
    }
  }
}
