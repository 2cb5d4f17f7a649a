package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

/**
 * The SDK's client interfaces served in the cloud's process: what they make is what the API shows,
 * AWS's errors arrive as the SDK's exceptions, and the seed applied through them (as {@code up}
 * does) gives the same resources as through HTTP, once, and over the streaming route.
 */
class InProcessClientsTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  private static final String ACCOUNT = "123456789012";

  @Test
  void callsReachTheCloudAsTheApiDoes() {
    CLOUD.reset();
    StackClients local = InProcessClients.of(CLOUD.cloud().cloud(), ACCOUNT, "us-east-1");
    String vpcId = local.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    assertTrue(vpcId.matches("vpc-[0-9a-f]{17}"), vpcId);
    var seen = CLOUD.clients(ACCOUNT).ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs();
    assertEquals("10.9.0.0/16", seen.getFirst().cidrBlock(), "the API shows what the in-process client made");
    assertTrue(CLOUD.clients("210987654321").ec2().describeVpcs().vpcs().stream().noneMatch(v -> v.vpcId().equals(vpcId)),
        "another account does not see it");
  }

  @Test
  void awsErrorsAreTheSdksExceptions() {
    StackClients local = InProcessClients.of(CLOUD.cloud().cloud(), ACCOUNT, "us-east-1");
    Ec2Exception e = assertThrows(Ec2Exception.class, () -> local.ec2().describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")));
    assertEquals("InvalidVpcID.NotFound", e.awsErrorDetails().errorCode());
    assertEquals(400, e.statusCode());
    assertThrows(LoadBalancerNotFoundException.class, () -> local.elb().describeLoadBalancers(r -> r.names("nope")));
  }

  @Test
  void theSeedOverTheStreamingRouteIsMadeOnceAndFoundTheSecondTime() throws Exception {
    CLOUD.reset();
    List<String> first = seedLines();
    assertTrue(first.stream().anyMatch(l -> l.startsWith("data:   + aws_vpc.service ")), first.toString());
    assertTrue(first.stream().anyMatch(l -> l.startsWith("data:   + aws_vpc_endpoint.consumer_privatelink ")),
        first.toString());
    String result = first.stream().dropWhile(l -> !l.equals("event: result")).skip(1).findFirst().orElseThrow();
    assertTrue(result.contains("\"vpcEndpointId\":\"vpce-"), result);
    long before = CLOUD.cloud().cloud().version();
    List<String> second = seedLines();
    assertFalse(second.stream().anyMatch(l -> l.startsWith("data:   + ")), "a second apply creates nothing: " + second);
    assertTrue(CLOUD.cloud().cloud().version() - before <= 2);
    SeedOutputs direct = CLOUD.cloud().applySeed("000000000000", "000000000000", Progress.silent());
    assertTrue(result.contains(direct.vpcEndpointId()), "the route and the direct apply find the same endpoint");
  }

  @Test
  void theStreamingRouteRefusesACallerWithoutTheToken() throws Exception {
    HttpURLConnection c = post("provider=000000000000&consumer=000000000000", null);
    assertEquals(403, c.getResponseCode());
    assertTrue(new String(c.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("MissingAuthenticationToken"));
    long before = CLOUD.cloud().cloud().version();
    HttpURLConnection wrong = post("provider=000000000000&consumer=000000000000", "not-the-token");
    assertEquals(403, wrong.getResponseCode());
    assertEquals(before, CLOUD.cloud().cloud().version(), "a refused apply makes nothing");
  }

  private static List<String> seedLines() throws Exception {
    HttpURLConnection c = post("provider=000000000000&consumer=000000000000", LocalToken.read(CLOUD.dataDir()));
    assertEquals(200, c.getResponseCode());
    List<String> lines = new ArrayList<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines.add(l);
      }
    }
    return lines;
  }

  private static HttpURLConnection post(String query, String token) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(CLOUD.endpoint() + "/_privatelink/seed?" + query).toURL()
        .openConnection(java.net.Proxy.NO_PROXY);
    c.setRequestMethod("POST");
    if (token != null) {
      c.setRequestProperty("x-privatelink-token", token);
    }
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(0);
    c.getOutputStream().close();
    return c;
  }
}
