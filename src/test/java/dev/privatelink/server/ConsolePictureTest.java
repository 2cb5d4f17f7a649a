package dev.privatelink.server;

import static dev.privatelink.testing.PrivateLinkFixtures.allow;
import static dev.privatelink.testing.PrivateLinkFixtures.endpoint;
import static dev.privatelink.testing.PrivateLinkFixtures.service;
import static dev.privatelink.testing.PrivateLinkFixtures.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's picture keeps accounts apart as the API does: a consumer sees the provider's
 * service only as the one its endpoint connects to, the provider sees the consumer's endpoint
 * only as a connection, and neither sees the other's VPCs or load balancers; the local token's
 * picture holds both. The event stream pushes a new picture when the state changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePictureTest {
  static final String PROVIDER = "111111111111";
  static final String CONSUMER = "222222222222";
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  static final ObjectMapper JSON = new ObjectMapper();
  static String serviceId;
  static String endpointId;

  @BeforeAll
  static void build() {
    StackClients provider = CLOUD.clients(PROVIDER);
    StackClients consumer = CLOUD.clients(CONSUMER);
    serviceId = service(provider);
    allow(provider, serviceId, CONSUMER);
    endpointId = endpoint(consumer, serviceId);
    subnet(provider);
    CLOUD.quiesce();
  }

  private static JsonNode picture(String accountId) throws Exception {
    return JSON.readTree(Views.console(CLOUD.cloud().cloud(), accountId, LinkCounts.NONE));
  }

  @Test
  @Order(1)
  void theConsumerSeesItsEndpointAndOfTheProviderOnlyTheServiceItReaches() throws Exception {
    JsonNode picture = picture(CONSUMER);
    assertEquals(Set.of(CONSUMER), values(picture.get("vpcs"), "accountId"));
    assertEquals(0, picture.get("loadBalancers").size());
    JsonNode endpoint = picture.get("endpoints").get(0);
    assertEquals(endpointId, endpoint.get("endpointId").asText());
    assertEquals("available", endpoint.get("state").asText());
    assertEquals(1, endpoint.get("enis").size());
    JsonNode service = picture.get("endpointServices").get(0);
    assertEquals(serviceId, service.get("serviceId").asText());
    assertEquals(PROVIDER, service.get("accountId").asText());
    assertEquals(0, service.get("networkLoadBalancerArns").size(), "the provider's NLB stays the provider's");
  }

  @Test
  @Order(2)
  void theProviderSeesTheConnectionButNotTheConsumersVpc() throws Exception {
    JsonNode picture = picture(PROVIDER);
    assertEquals(Set.of(PROVIDER), values(picture.get("vpcs"), "accountId"));
    assertEquals(2, picture.get("vpcs").size());
    assertEquals(1, picture.get("loadBalancers").size());
    JsonNode endpoint = picture.get("endpoints").get(0);
    assertEquals(CONSUMER, endpoint.get("accountId").asText());
    assertTrue(endpoint.get("vpcId").isNull(), endpoint.toString());
    assertEquals(0, endpoint.get("enis").size());
    assertEquals(1, picture.get("endpointServices").get(0).get("networkLoadBalancerArns").size());
  }

  /** Read-only, like the two before it: runs with them, before the rejection. */
  @Test
  @Order(2)
  void eachAccountSeesTheCountsOfTheLinksItsPictureDrawsOnly() throws Exception {
    LinkCounts counts = (from, to) -> from.equals(endpointId) ? new LinkCounts.LinkCount(1, 3, 100)
        : from.equals(LinkCounts.PRIVATELINK) ? new LinkCounts.LinkCount(0, 5, 500) : LinkCounts.LinkCount.ZERO;
    JsonNode consumer = JSON.readTree(Views.consoleLinks(CLOUD.cloud().cloud(), CONSUMER, counts)).get("links");
    assertEquals(1, consumer.size(), "the consumer's endpoint only, not the provider's NLB: " + consumer);
    assertEquals(endpointId, consumer.get(0).get("from").asText());
    assertEquals(serviceId, consumer.get(0).get("to").asText());
    assertEquals(List.of(1L, 3L, 100L), List.of(consumer.get(0).get("open").asLong(), consumer.get(0).get("flows").asLong(),
        consumer.get(0).get("bytes").asLong()));
    JsonNode provider = JSON.readTree(Views.console(CLOUD.cloud().cloud(), PROVIDER, counts)).get("links");
    JsonNode service = null;
    for (JsonNode l : provider) {
      service = l.get("from").asText().equals(serviceId) ? l : service;
    }
    assertTrue(service != null, "the provider's service -> NLB link: " + provider);
    assertEquals(5, service.get("flows").asLong());
  }

  @Test
  @Order(3)
  void theTokenWithAnAccountFollowsThatAccountsPictureAndABadAccountIsRefused() throws Exception {
    String token = LocalToken.read(CLOUD.dataDir());
    try (HttpClient http = HttpClient.newHttpClient()) {
      try (BufferedReader events = open(http, "?token=" + token + "&account=" + CONSUMER)) {
        assertEquals(Set.of(CONSUMER), values(next(events).get("vpcs"), "accountId"));
      }
      HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(CLOUD.endpoint()
          + "/_privatelink/console/events?token=" + token + "&account=12")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(bad.body().contains("InvalidParameterValue"), bad.body());
    }
  }

  /** Last: it rejects the endpoint. */
  @Test
  @Order(4)
  void theLocalTokensStreamHoldsEveryAccountAndFollowsAChange() throws Exception {
    String token = LocalToken.read(CLOUD.dataDir());
    try (HttpClient http = HttpClient.newHttpClient()) {
      try (BufferedReader events = open(http, "?token=" + token)) {
        JsonNode first = next(events);
        assertEquals(Set.of(PROVIDER, CONSUMER), new HashSet<>(JSON.convertValue(first.get("accounts"), List.class)));
        CLOUD.clients(PROVIDER).ec2().rejectVpcEndpointConnections(b -> b.serviceId(serviceId).vpcEndpointIds(endpointId));
        JsonNode later = next(events);
        while (!"rejected".equals(later.get("endpoints").get(0).get("state").asText())) {
          later = next(events);
        }
        assertTrue(later.get("version").asLong() > first.get("version").asLong());
      }
    }
  }

  /** The event stream with {@code query}, checked to be one. */
  private static BufferedReader open(HttpClient http, String query) throws Exception {
    HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(CLOUD.endpoint()
        + "/_privatelink/console/events" + query)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
    return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
  }

  /** The next picture event's data; a generous deadline, as the stream may wait for the next change. */
  private static JsonNode next(BufferedReader events) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        String line;
        while ((line = events.readLine()) != null) {
          if (line.startsWith("data: ")) {
            return JSON.readTree(line.substring("data: ".length()));
          }
        }
        throw new AssertionError("the stream ended");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(30, TimeUnit.SECONDS);
  }

  private static Set<String> values(JsonNode list, String field) {
    Set<String> out = new HashSet<>();
    list.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
