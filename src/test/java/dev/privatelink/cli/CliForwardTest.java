package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.Reaper;
import dev.privatelink.server.ServerInfo;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;

/**
 * {@code privatelink forward} against the seed, in subprocesses as a test suite on the host would
 * use it: a curl from the host through the endpoint, a forward to an instance, the errors for
 * targets that do not exist, and the port gone after Ctrl-C, {@code --stop} and {@code down}. Then
 * what a crash leaves: {@code status} after SIGKILL names the leftovers, its command removes
 * them, and the next {@code up} starts clean. One seed serves the whole class, in order.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliForwardTest {
  private static final String WELCOME = "Welcome to nginx!";
  private static final Pattern FORWARDING = Pattern.compile(
      "Forwarding 127\\.0\\.0\\.1:(\\d+) -> (.+?):(\\d+) \\(from (i-[0-9a-f]+) (\\S+) to (\\S+)\\).*");

  /** What {@code up} may say it waits for (see SeedReadiness). */
  private static final Pattern WAITING = Pattern.compile("  waiting: (instance i-[0-9a-f]+ [a-z-]+|endpoint vpce-[0-9a-f]+ \\w+"
      + "|no target registered|(target \\S+ (draining \\(\\d+ s deregistration delay\\)|[a-z]+( \\([\\w.]+\\))?)(, )?)+)");

  private DetachedSeed seed;
  private JsonNode outputs;

  @BeforeAll
  void seedUp() throws IOException, InterruptedException {
    seed = new DetachedSeed("privatelink-forward");
    outputs = seed.up();
  }

  @AfterAll
  void seedDown() throws IOException, InterruptedException {
    seed.downAndDelete();
  }

  @Test
  @Order(1)
  void forwardCarriesACurlFromTheHostThroughTheEndpointUntilCtrlC() throws Exception {
    String endpointId = outputs.get("vpcEndpointId").asText();
    Cli.Running forward = seed.cli.start("forward", List.of(endpointId + ":443"));
    Matcher line = forward.awaitLine(FORWARDING);
    int local = Integer.parseInt(line.group(1));
    assertEquals(endpointId, line.group(2));
    assertEquals(outputs.get("consumerInstanceId").asText(), line.group(4), "dialled from the consumer's instance");

    assertEquals(List.of("127.0.0.1:" + local), listeners(local), "listens on 127.0.0.1 only");
    Host.Result curl = Host.tryRun(List.of("curl", "-sk", "-m", "30", "https://127.0.0.1:" + local), null);
    assertTrue(curl.stdout().contains(WELCOME), curl.stdout() + curl.stderr() + forward.output());

    forward.process().destroy(); // SIGTERM, as Ctrl-C's SIGINT: the same shutdown path
    assertTrue(forward.process().waitFor(60, TimeUnit.SECONDS), forward.output());
    assertRefused(local);
  }

  @Test
  @Order(2)
  void forwardToAnInstanceByNameReachesItsOwnPortUntilStopped() throws Exception {
    Cli.Result forward = seed.cli.run("forward", List.of("PrivateLink Demo Service:80", "--detach"), List.of());
    assertEquals(0, forward.exitCode(), forward.describe());
    Matcher line = FORWARDING.matcher(forward.stdout().strip());
    assertTrue(line.matches(), forward.describe());
    int local = Integer.parseInt(line.group(1));
    assertEquals(outputs.get("serviceInstanceId").asText(), line.group(4));
    Host.Result curl = Host.tryRun(List.of("curl", "-s", "-m", "30", "http://127.0.0.1:" + local), null);
    assertTrue(curl.stdout().contains(WELCOME), curl.stdout() + curl.stderr());

    Cli.Result list = seed.cli.run("forward", List.of("--list"), List.of());
    assertTrue(list.stdout().startsWith("Forwarding 127.0.0.1:" + local + " -> PrivateLink Demo Service:80 "), list.describe());

    String stop = forward.stdout().substring(forward.stdout().indexOf("stop it with: privatelink ") + "stop it with: privatelink ".length()).strip();
    Cli.Result stopped = seed.cli.runAsPrinted(stop);
    assertEquals(0, stopped.exitCode(), stopped.describe());
    assertRefused(local);
    assertTrue(seed.cli.run("forward", List.of("--list"), List.of()).stdout().startsWith("no forwards"));
  }

  @Test
  @Order(2)
  void unknownTargetsAreOneLineErrorsThatSayWhatToDo() throws Exception {
    assertOneLineError(List.of("vpce-0123456789abcdef0:443"), "no VPC endpoint vpce-0123456789abcdef0 in this cloud");
    assertOneLineError(List.of("no-such-thing:80"), "no endpoint, load balancer or instance is called no-such-thing");
    assertOneLineError(List.of(outputs.get("vpcEndpointId").asText()), "say which port");
    assertOneLineError(List.of("i-0123456789abcdef0:70000"), "a port is a number from 1 to 65535");
    assertOneLineError(List.of(outputs.get("vpcEndpointId").asText() + ":443", Integer.toString(seed.port)),
        "127.0.0.1:" + seed.port + " is in use on this host");
  }

  @Test
  @Order(3)
  void aSecondUpAfterTheServiceInstanceWasTerminatedReplacesItAndSaysWhatItWaitsFor() throws Exception {
    String old = outputs.get("serviceInstanceId").asText();
    try (StackClients c = new StackClients(java.net.URI.create("http://127.0.0.1:" + seed.port), "000000000000",
        Region.US_EAST_1)) {
      c.ec2().terminateInstances(r -> r.instanceIds(old));
    }
    Cli.Result up = seed.cli.run("up", List.of("--detach", "--json", "--port", Integer.toString(seed.port)), List.of());
    assertEquals(0, up.exitCode(), up.describe());
    outputs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(up.stdout());
    String replacement = outputs.get("serviceInstanceId").asText();
    assertTrue(!replacement.equals(old) && up.stderr().contains("+ aws_instance.service"), up.describe());
    List<String> waiting = up.stderr().lines().filter(l -> l.startsWith("  waiting: ")).toList();
    assertEquals(List.of(), waiting.stream().filter(l -> !WAITING.matcher(l).matches()).toList(), up.describe());
    assertEquals(List.of(), waiting.stream().filter(l -> l.contains("target " + old + " ")
        && !l.contains("target " + old + " draining (300 s deregistration delay)")
        && !l.contains("target " + old + " unused (Target.InvalidState)")).toList(),
        "the old target is named as getting no traffic: " + up.describe());
    Matcher alb = Pattern.compile("(?m)^  ready: nginx healthy behind the ALB \\((\\d+) ms\\)$").matcher(up.stderr());
    assertTrue(alb.find(), up.describe());
    if (Long.parseLong(alb.group(1)) > 3000) {
      // A wait longer than the quiet spell is said while it lasts, naming the new target.
      assertTrue(waiting.stream().anyMatch(l -> l.contains("target " + replacement + " ")), up.describe());
    }
    Host.Result curl = Host.tryRun(List.of("curl", "-sk", "-m", "30", "https://127.0.0.1:" + forwardedEndpointPort()), null);
    assertTrue(curl.stdout().contains(WELCOME), "the replaced instance serves through the endpoint: " + curl.stderr());
  }

  @Test
  @Order(4)
  void statusNamesWhatAKilledCloudLeftAndItsCommandRemovesIt() throws Exception {
    Cli.Result forward = seed.cli.run("forward", List.of(outputs.get("vpcEndpointId").asText() + ":443", "--detach"), List.of());
    int local = Integer.parseInt(matched(forward).group(1));
    ProcessHandle server = ProcessHandle.of(ServerInfo.read(seed.dataDir).orElseThrow().pid()).orElseThrow();
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
    assertRefused(local); // the listener was the server's own socket

    Cli.Result status = seed.cli.run("status", List.of(), List.of());
    assertEquals(3, status.exitCode(), status.describe());
    List<String> ours = ourNamespaces();
    assertFalse(ours.isEmpty());
    String leftovers = status.stdout().lines().filter(l -> l.startsWith("leftovers of a crashed cloud")).findFirst()
        .orElseThrow(() -> new AssertionError("no leftovers named: " + status.describe()));
    assertTrue(leftovers.contains(ours.size() + " namespace(s)") || leftovers.matches(".*\\d+ namespace\\(s\\).*"), leftovers);
    String remove = leftovers.substring(leftovers.indexOf("remove them with: privatelink ") + "remove them with: privatelink ".length());
    Cli.Result down = seed.cli.runAsPrinted(remove);
    assertEquals(0, down.exitCode(), down.describe());
    List<String> left = Reaper.namespaces("pl-").stream().filter(ours::contains).toList();
    assertEquals(List.of(), left, "the printed command removed the crashed cloud's namespaces");
    Cli.Result clean = seed.cli.run("status", List.of(), List.of());
    assertFalse(clean.stdout().contains(String.join(", ", ours.subList(0, 1))), clean.describe());
  }

  @Test
  @Order(5)
  void theNextUpStartsCleanAndDownClosesADetachedForward() throws Exception {
    outputs = seed.up();
    Cli.Result forward = seed.cli.run("forward", List.of(outputs.get("vpcEndpointId").asText() + ":443", "--detach"), List.of());
    int local = Integer.parseInt(matched(forward).group(1));
    Host.Result curl = Host.tryRun(List.of("curl", "-sk", "-m", "30", "https://127.0.0.1:" + local), null);
    assertTrue(curl.stdout().contains(WELCOME), curl.stdout() + curl.stderr());

    Cli.Result down = seed.cli.run("down", List.of(), List.of());
    assertEquals(0, down.exitCode(), down.describe());
    assertRefused(local);
  }

  /** A detached forward to the seed's endpoint, on its local port. */
  private int forwardedEndpointPort() throws Exception {
    Cli.Result forward = seed.cli.run("forward", List.of(outputs.get("vpcEndpointId").asText() + ":443", "--detach"), List.of());
    return Integer.parseInt(matched(forward).group(1));
  }

  private void assertOneLineError(List<String> words, String says) throws Exception {
    Cli.Result r = seed.cli.run("forward", words, List.of());
    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(1, r.stderr().lines().count(), r.describe());
    assertTrue(r.stderr().startsWith("privatelink: ") && r.stderr().contains(says), r.describe());
  }

  private static Matcher matched(Cli.Result forward) {
    Matcher m = FORWARDING.matcher(forward.stdout().strip());
    assertTrue(forward.exitCode() == 0 && m.matches(), forward.describe());
    return m;
  }

  /** The local addresses of every TCP listener on {@code port}, in any namespace of the host's. */
  private static List<String> listeners(int port) {
    return Host.run("ss", "-Hltn", "sport", "=", ":" + port).lines().map(l -> l.strip().split("\\s+"))
        .filter(f -> f.length >= 4).map(f -> f[3]).toList();
  }

  private static void assertRefused(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      throw new AssertionError("127.0.0.1:" + port + " still accepts connections");
    } catch (ConnectException expected) {
      // closed, as it should be
    }
  }

  /** The namespaces of this cloud's VPCs and instances, by the ids the seed printed. */
  private List<String> ourNamespaces() {
    List<String> names = new java.util.ArrayList<>();
    for (String key : List.of("serviceInstanceId", "consumerInstanceId")) {
      names.add("pl-" + outputs.get(key).asText());
    }
    return Reaper.namespaces("pl-").stream().filter(names::contains).toList();
  }
}
