package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code console}: one line, the page's address on the running cloud, which opens the page as it is. */
@ResourceLock(Resources.SYSTEM_OUT)
class ConsoleCommandTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @Test
  void theAddressItPrintsOpensThePage() throws Exception {
    String url = run().strip();
    assertTrue(url.startsWith(CLOUD.endpoint() + "/_privatelink/console?token="), url);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
      assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElse(""));
      assertTrue(page.body().contains("/_privatelink/console/events"), "the page follows the event stream");
    }
  }

  private static String run() {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run(List.of("console", "--data-dir", CLOUD.dataDir().toString())));
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(saved);
    }
  }
}
