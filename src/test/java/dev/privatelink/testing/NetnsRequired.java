package dev.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension behind {@link NetnsTest}. Before the class: the host must pass
 * {@link HostCheck}; otherwise the class fails under {@code CI=true} and is skipped elsewhere.
 * After the class: no namespace, host link or host nftables table whose name carries
 * {@link TestIds#RUN_TAG} may remain. Only this run's objects are checked because other test runs and clouds
 * may hold {@code pl-} namespaces on the same machine at the same time.
 */
public final class NetnsRequired implements BeforeAllCallback, AfterAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    HostCheck.Result result = HostCheck.check();
    if (result.ok()) {
      return;
    }
    String why = "needs root and namespace tools: " + result.problems();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + why);
    }
    Assumptions.abort(why);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!HostCheck.check().ok()) {
      return;
    }
    assertEquals(List.of(), leftovers(), "host objects of this test run remain after " + context.getDisplayName());
  }

  /** Names of namespaces, host links and host nft tables carrying this run's tag. */
  public static List<String> leftovers() {
    String all = Host.run("ip", "netns", "list") + "\n" + Host.run("ip", "-o", "link", "show")
        + "\n" + Host.run("nft", "list", "tables");
    return Arrays.stream(all.split("\n")).filter(l -> l.contains(TestIds.RUN_TAG)).map(String::strip).toList();
  }
}
