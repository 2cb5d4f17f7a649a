package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.HeadlessChromium;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The console page in headless Chromium over the seed with its data plane: it draws the seed's
 * two VPCs, the endpoint service and the endpoint with its link to the service, and a
 * RejectVpcEndpointConnections through the SDK reaches the page over the event stream. The page
 * and its stream refuse a request without the local token as the other views do.
 */
@NetnsTest
class ConsoleBrowserTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  static SeedOutputs seed;
  static StackClients clients;
  static ChromeDriver browser;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000", Progress.silent(), true).apply();
    clients = CLOUD.clients("000000000000");
    browser = HeadlessChromium.open(1600, 1000);
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePageDrawsTheSeedAndShowsARejectionLive() throws Exception {
    browser.get(CLOUD.endpoint() + "/_privatelink/console?token=" + LocalToken.read(CLOUD.dataDir()));
    VpcEndpoint endpoint = clients.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId())).vpcEndpoints().getFirst();
    String serviceId = clients.ec2().describeVpcEndpointServiceConfigurations(r -> {}).serviceConfigurations().stream()
        .filter(c -> c.serviceName().equals(endpoint.serviceName())).findFirst().orElseThrow().serviceId();
    List<Vpc> vpcs = clients.ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("false").build())).vpcs();
    assertEquals(2, vpcs.size(), "the seed has a service VPC and a consumer VPC");
    for (Vpc vpc : vpcs) {
      String drawn = "[data-vpc-id='" + vpc.vpcId() + "']";
      await(() -> first(drawn), "VPC " + vpc.vpcId());
      assertEquals(vpc.cidrBlock(), attr(drawn, "data-cidr"));
    }
    String service = "[data-service-id='" + serviceId + "']";
    await(() -> first(service), "the endpoint service");
    assertEquals("Available", attr(service, "data-state"));
    String card = ".card[data-endpoint-id='" + endpoint.vpcEndpointId() + "']";
    await(() -> first(card), "the endpoint");
    assertEquals("available", attr(card, "data-state"));
    String link = "path[data-link='endpoint'][data-from='" + endpoint.vpcEndpointId() + "'][data-to='" + serviceId + "']";
    await(() -> first(link), "the endpoint's link");
    assertEquals("available", attr(link, "data-state"));
    assertTrue(first("path[data-link='service'][data-from='" + serviceId + "']") != null, "service -> NLB link");
    flowsAppearLive(link);

    long start = System.nanoTime();
    var answer = clients.ec2().rejectVpcEndpointConnections(r -> r.serviceId(serviceId)
        .vpcEndpointIds(endpoint.vpcEndpointId()));
    assertTrue(answer.unsuccessful().isEmpty(), answer.unsuccessful().toString());
    await(() -> "rejected".equals(attr(link, "data-state")) ? first(link) : null, "the endpoint's link turning rejected");
    System.out.printf("console: the endpoint's link showed rejected %d ms after RejectVpcEndpointConnections was sent%n",
        (System.nanoTime() - start) / 1_000_000);
    Path shot = Path.of("target", "console-screenshot.png");
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.size(shot) > 1000, "screenshot " + shot);
  }

  /**
   * A curl from the consumer through the endpoint adds a flow to the endpoint's link, and a backend
   * request to the ALB's link to the service instance, the endpoint's with its bytes, without any state change.
   */
  private static void flowsAppearLive(String endpointLink) throws Exception {
    String albLink = "path[data-link='target'][data-to='" + seed.serviceInstanceId() + "']";
    await(() -> first(albLink), "the ALB's link to the service instance");
    long endpointBefore = flows(endpointLink);
    long albBefore = flows(albLink);
    String page = CLOUD.exec(seed.consumerInstanceId(), "curl", "-sk", "-m", "10", seed.consumerEndpointDnsNames().getFirst());
    long curled = System.nanoTime();
    assertFalse(page.isBlank(), "the consumer got a page through the endpoint");
    await(() -> flows(endpointLink) > endpointBefore && flows(albLink) > albBefore ? first(albLink) : null,
        "the flow counts going up on the endpoint's and the ALB's links");
    System.out.printf("console: the flow counts went up %d ms after the curl returned%n", (System.nanoTime() - curled) / 1_000_000);
    assertTrue(Long.parseLong(attr(endpointLink, "data-bytes")) > 0, "the endpoint's link counts bytes");
    assertTrue(label(endpointLink).matches(".*\\d+ flows? .*"), label(endpointLink));
  }

  private static long flows(String css) {
    String n = attr(css, "data-flows");
    return n == null ? -1 : Long.parseLong(n);
  }

  /**
   * An attribute of the first element {@code css} selects, read in one script: the page redraws
   * whenever the picture reads differently (a flow count moved), so an element found in one call
   * may be gone by the next.
   */
  private static String attr(String css, String name) {
    Object value = browser.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null", css, name);
    return value == null ? null : value.toString();
  }

  /** The text drawn beside a link: the label that follows its path. */
  private static String label(String css) {
    return String.valueOf(browser.executeScript(
        "const p = document.querySelector(arguments[0]); return p && p.nextElementSibling ? p.nextElementSibling.textContent : ''", css));
  }

  @Test
  void thePageAndItsStreamRefuseARequestWithoutTheToken() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String path : List.of("/_privatelink/console", "/_privatelink/console/events", "/_privatelink/console?token=0")) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(CLOUD.endpoint() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode(), path + ": " + r.body());
        assertTrue(r.body().contains(path.contains("token") ? "InvalidClientTokenId" : "MissingAuthenticationToken"), r.body());
      }
    }
  }

  private static WebElement first(String css) {
    List<WebElement> found = browser.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.getFirst();
  }

  /** Polls until {@code find} gives an element; the generous deadline keeps a loaded host from failing it. */
  private static WebElement await(Supplier<WebElement> find, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      WebElement found = find.get();
      if (found != null) {
        return found;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(what + " did not appear on the page within " + DEADLINE + "; page: "
        + browser.findElement(By.tagName("body")).getText());
  }
}
