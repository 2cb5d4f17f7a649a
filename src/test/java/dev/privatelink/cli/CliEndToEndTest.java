package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privatelink.server.ServerInfo;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;

/**
 * The seed system driven through the real CLI in separate processes, as a user drives it:
 * {@code up --detach}, {@code exec}, a server killed with SIGKILL and brought back by {@code up},
 * then {@code down}. One cloud serves the whole class (bringing it up takes seconds), so the steps
 * run in order and each builds on the previous one.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTest {
  private static final String SERVICE = "PrivateLink Demo Service";
  private static final String CONSUMER = "PrivateLink Demo Consumer";
  private static final String WELCOME = "Welcome to nginx!";
  /** Every line {@code up} may print: its progress, its outputs and the hint, nothing else (no library noise). */
  private static final java.util.regex.Pattern UP_LINE = java.util.regex.Pattern.compile(String.join("|",
      "Using the cloud already running at http://127\\.0\\.0\\.1:\\d+",
      "Cloud started .*",
      "Applying the seed stack .*",
      "  [+=~] aws_\\S+ .*",
      "  ready: .*",
      "  waiting: .*",
      "  ready: the consumer's curl of https://vpce-\\S+ answers 200 \\(\\d+ ms\\)",
      "Ready in \\d+\\.\\d s",
      "Outputs:",
      "consumer_public_ip = \".*\"",
      "consumer_endpoint_dns_names = \\[",
      "  \"https://vpce-\\S+\",",
      "\\]",
      "Try it from the consumer instance:",
      "  \\./privatelink exec .*"));

  private DetachedSeed seed;
  private Path scratch;
  private Path dataDir;
  private Cli cli;
  private int port;
  private JsonNode outputs;

  @BeforeAll
  void upDetached() throws IOException, InterruptedException {
    seed = new DetachedSeed("privatelink-e2e");
    scratch = seed.scratch;
    dataDir = seed.dataDir;
    cli = seed.cli;
    port = seed.port;
    outputs = seed.up();
  }

  @AfterAll
  void downAndDelete() throws IOException, InterruptedException {
    seed.downAndDelete();
  }

  @Test
  @Order(1)
  void serviceInstanceServesNginxStartedByItsUserData() throws Exception {
    assertServiceServesNginx();
  }

  @Test
  @Order(2)
  void consumerReachesNginxThroughTheEndpoint() throws Exception {
    assertConsumerReachesNginx();
  }

  @Test
  @Order(2)
  void upPrintsOnlyWhatTheUserAskedForAndItsHintWorksAsPrinted() throws Exception {
    Cli.Result up = cli.run("up", List.of("--detach", "--port", Integer.toString(port)), List.of());
    assertEquals(0, up.exitCode(), up.describe());
    List<String> unexpected = (up.stdout() + up.stderr()).lines()
        .filter(l -> !l.isBlank() && !UP_LINE.matcher(l).matches()).toList();
    assertEquals(List.of(), unexpected, up.describe());
    String hint = up.stdout().lines().filter(l -> l.startsWith("  ./privatelink exec ")).findFirst()
        .orElseThrow(() -> new AssertionError("no hint: " + up.describe()));
    assertTrue(hint.contains("--data-dir " + dataDir), hint);
    Cli.Result curl = cli.runAsPrinted(hint.strip().substring("./privatelink ".length()));
    assertEquals(0, curl.exitCode(), curl.describe());
    assertTrue(curl.stdout().contains(WELCOME), curl.describe());
  }

  @Test
  @Order(2)
  void upOnAPortOfAnotherCloudFailsWithTheReasonAndTouchesNothing() throws Exception {
    Path other = scratch.resolve("other");
    Cli.Result up = new Cli(other, scratch).run("up", List.of("--detach", "--port", Integer.toString(port)), List.of());
    assertEquals(1, up.exitCode(), up.describe());
    assertTrue(up.stderr().contains("port " + port + " on 127.0.0.1 belongs to another cloud"), up.describe());
    assertFalse(up.stdout().contains("Cloud started") || up.stdout().contains("Ready"), up.describe());
    assertTrue(ServerInfo.read(other).isEmpty(), "no cloud recorded in the other data dir");
  }

  @Test
  @Order(2)
  void upWithAnotherPortThanTheRunningCloudsIsAnError() throws Exception {
    Cli.Result up = cli.run("up", List.of("--detach", "--port", Integer.toString(port + 1)), List.of());
    assertEquals(1, up.exitCode(), up.describe());
    assertTrue(up.stderr().contains("already runs at http://127.0.0.1:" + port), up.describe());
  }

  @Test
  @Order(3)
  void instanceHostnamesResolveOnlyInTheirOwnVpc() throws Exception {
    new HostnameChecks(cli, sdkEndpoint(), outputs).run();
  }

  @Test
  @Order(4)
  void upAfterKillNineReapsLeftoversAndRebuildsTheSameSystem() throws Exception {
    List<Long> before = HostInspection.instancePids(dataDir, instanceIds());
    assertEquals(3, before.size(), "two inits and the service's nginx master before the kill: " + before);
    ProcessHandle server = ProcessHandle.of(ServerInfo.read(dataDir).orElseThrow().pid()).orElseThrow();
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
    assertEquals(before, HostInspection.alive(before), "SIGKILL of the server leaves its instances running");

    JsonNode again = seed.up();

    assertEquals(outputs.get("serviceInstanceId"), again.get("serviceInstanceId"));
    assertEquals(outputs.get("consumerInstanceId"), again.get("consumerInstanceId"));
    assertEquals(outputs.get("vpcEndpointId"), again.get("vpcEndpointId"));
    assertEquals(List.of(), HostInspection.alive(before), "the reaper killed the instances of the dead server");
    List<Long> after = HostInspection.instancePids(dataDir, instanceIds());
    assertEquals(after, HostInspection.alive(after), "the rebuilt instances run");
    assertNotEquals(before, after);
    assertServiceServesNginx();
    assertConsumerReachesNginx();
  }

  @Test
  @Order(5)
  void downLeavesNothingOnTheHost() throws Exception {
    List<Long> pids = HostInspection.instancePids(dataDir, instanceIds());
    List<String> namespaces = ourNamespaces();
    // The checks below must see the running cloud's namespaces and processes, or their silence would prove nothing.
    List<String> onHost = HostInspection.projectObjects();
    assertTrue(onHost.containsAll(instanceIds().stream().map(id -> "netns pl-" + id).toList()), onHost.toString());
    assertTrue(HostInspection.processesOf(dataDir, instanceIds()).size() > pids.size(),
        "the server and the instances are seen");
    Cli.Result down = cli.run("down", List.of(), List.of());
    assertEquals(0, down.exitCode(), down.describe());

    // Namespaces by name: this host is shared, and another run's may appear while we look.
    List<String> left = HostInspection.projectObjects().stream()
        .filter(o -> !o.startsWith("netns ") || namespaces.contains(o.substring("netns ".length()))).toList();
    assertEquals(List.of(), left, "namespaces, host links or host nft tables survive down");
    assertEquals(List.of(), HostInspection.alive(pids), "an instance init or nginx survives down");
    assertEquals(List.of(), HostInspection.processesOf(dataDir, instanceIds()), "a process of the cloud survives down");
    assertTrue(ServerInfo.read(dataDir).isEmpty(), "no server is recorded as running");
  }

  private void assertServiceServesNginx() throws IOException, InterruptedException {
    Cli.Result curl = cli.exec(SERVICE, "curl", "-s", "localhost");
    assertEquals(0, curl.exitCode(), curl.describe());
    assertTrue(curl.stdout().contains(WELCOME), curl.describe());
  }

  private void assertConsumerReachesNginx() throws IOException, InterruptedException {
    String url = outputs.get("consumerEndpointDnsNames").get(0).asText();
    assertTrue(url.startsWith("https://vpce-"), url);
    Cli.Result curl = cli.exec(CONSUMER, "curl", "-sk", url);
    assertEquals(0, curl.exitCode(), curl.describe());
    assertTrue(curl.stdout().contains(WELCOME), curl.describe());
  }

  /** The namespaces this cloud's VPCs and instances have, named after their ids. */
  private List<String> ourNamespaces() {
    try (StackClients c = new StackClients(sdkEndpoint(), "000000000000", Region.US_EAST_1)) {
      List<String> names = new ArrayList<>();
      c.ec2().describeVpcs().vpcs().forEach(v -> names.add("pl-" + v.vpcId()));
      c.ec2().describeInstances().reservations().forEach(r -> r.instances().forEach(i -> names.add("pl-" + i.instanceId())));
      return names;
    }
  }

  private List<String> instanceIds() {
    List<String> ids = new ArrayList<>();
    ids.add(outputs.get("serviceInstanceId").asText());
    ids.add(outputs.get("consumerInstanceId").asText());
    return ids;
  }

  private java.net.URI sdkEndpoint() {
    return java.net.URI.create("http://127.0.0.1:" + port);
  }
}
