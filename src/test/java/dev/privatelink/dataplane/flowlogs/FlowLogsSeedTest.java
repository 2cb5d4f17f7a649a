package dev.privatelink.dataplane.flowlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * VPC Flow Logs of the blog's curl, end to end: a flow log on the seed's consumer VPC records the
 * consumer instance's HTTPS flow to the endpoint ENI as ACCEPT (from the instance's ENI and from
 * the endpoint's), in the default format's field order; once the endpoint group's 443 rule is
 * revoked, the next attempt is REJECT on the endpoint's ENI, whose group dropped it, and ACCEPT on
 * the instance's, whose group let it out (as on AWS, each interface records its own groups'
 * verdict). FilterLogEvents with a space-delimited pattern finds them, {@code aws logs tail} (CLI
 * v2) shows them, and {@code privatelink trace} prints its own probe's records on both interfaces.
 */
@NetnsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowLogsSeedTest {
  private static final String GROUP = "/privatelink/consumer-flows";
  private static final String PATTERN = "[version, account, eni, source, destination, srcport, destport=\"443\", protocol,"
      + " packets, bytes, windowstart, windowend, action=\"%s\", flowlogstatus]";
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  static SeedOutputs seed;
  static StackClients clients;
  static CloudWatchLogsClient logs;
  static VpcEndpoint endpoint;
  static String consumerIp;
  static String consumerEni;
  static Set<String> endpointIps;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000", Progress.silent(), true).apply();
    clients = CLOUD.clients("000000000000");
    logs = CloudWatchLogsClient.builder().endpointOverride(CLOUD.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("000000000000", "secret"))).build();
    endpoint = clients.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId())).vpcEndpoints().getFirst();
    var consumer = clients.ec2().describeInstances(r -> r.instanceIds(seed.consumerInstanceId())).reservations().getFirst()
        .instances().getFirst();
    consumerIp = consumer.privateIpAddress();
    consumerEni = consumer.networkInterfaces().getFirst().networkInterfaceId();
    endpointIps = Set.copyOf(clients.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(endpoint.networkInterfaceIds()))
        .networkInterfaces().stream().map(n -> n.privateIpAddress()).toList());
  }

  @AfterAll
  static void close() {
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  @Order(1)
  void aFlowLogOnTheConsumerVpcRecordsTheCurlAsAccepted() throws Exception {
    CreateFlowLogsResponse created = clients.ec2().createFlowLogs(r -> r.resourceType(FlowLogsResourceType.VPC)
        .resourceIds(endpoint.vpcId()).trafficType(TrafficType.ALL).logGroupName(GROUP)
        .deliverLogsPermissionArn("arn:aws:iam::000000000000:role/flow-logs"));
    assertTrue(created.unsuccessful().isEmpty(), created.toString());
    assertEquals(1, created.flowLogIds().size());
    await("the VPC router counts flows", () -> run("ip", "netns", "exec", HostNames.vpcNamespace(endpoint.vpcId()), "nft", "list", "table",
        "inet", "pl_flow").contains("chain pre_in"));

    String page = exec("curl", "-sk", "-m", "10", seed.consumerEndpointDnsNames().getFirst());
    assertTrue(page.contains("Welcome to nginx!"), page);

    List<FilteredLogEvent> accepted = awaitRecords("ACCEPT", 2);
    List<String[]> records = accepted.stream().map(e -> e.message().split(" ")).toList();
    for (String[] f : records) {
      assertEquals(14, f.length, String.join(" ", f));
      assertEquals("2", f[0]);
      assertEquals("000000000000", f[1]);
      assertTrue(f[2].matches("eni-[0-9a-f]{17}"), f[2]);
      assertEquals(consumerIp, f[3]);
      assertTrue(endpointIps.contains(f[4]), f[4] + " is an endpoint ENI's address " + endpointIps);
      assertEquals("443", f[6]);
      assertEquals("6", f[7]);
      assertTrue(Long.parseLong(f[8]) > 0 && Long.parseLong(f[9]) > 0);
      assertTrue(Long.parseLong(f[10]) <= Long.parseLong(f[11]));
      assertEquals("ACCEPT", f[12]);
      assertEquals("OK", f[13]);
    }
    List<String> enis = records.stream().map(f -> f[2]).distinct().toList();
    assertTrue(enis.contains(consumerEni), "recorded from the consumer instance's ENI: " + enis);
    assertTrue(enis.stream().anyMatch(endpoint.networkInterfaceIds()::contains), "and from the endpoint's ENI: " + enis);
    assertTrue(accepted.stream().anyMatch(e -> e.logStreamName().equals(consumerEni + "-all")), "one stream per ENI");
  }

  @Test
  @Order(2)
  void traceShowsTheAcceptedRecordsOfItsProbe() throws Exception {
    String out = trace();
    assertTrue(out.contains("nginx answered"), out);
    assertTrue(out.contains("flow-log records of the probe"), out);
    assertTrue(probeRecords(out, "ACCEPT", true), out);
    assertTrue(probeRecords(out, "ACCEPT", false), "the endpoint ENI's record of the same flow: " + out);
  }

  /**
   * The NLB node hands the flow to the ALB node in memory; a flow log on the provider's VPC still
   * records that hop as the router would have seen it: from the NLB node's address to the ALB
   * node's port 443, egress on the NLB's ENI and ingress on the ALB's, ACCEPT both.
   */
  @Test
  @Order(3)
  void aFlowLogOnTheProviderVpcRecordsTheNlbToAlbHopCarriedInMemory() throws Exception {
    var alb = clients.elb().describeLoadBalancers().loadBalancers().stream()
        .filter(lb -> lb.typeAsString().equals("application")).findFirst().orElseThrow();
    String group = "/privatelink/provider-flows";
    CreateFlowLogsResponse created = clients.ec2().createFlowLogs(r -> r.resourceType(FlowLogsResourceType.VPC)
        .resourceIds(alb.vpcId()).trafficType(TrafficType.ALL).logGroupName(group)
        .deliverLogsPermissionArn("arn:aws:iam::000000000000:role/flow-logs"));
    assertTrue(created.unsuccessful().isEmpty(), created.toString());
    Set<String> nlbIps = balancerIps("ELB net/");
    Set<String> albIps = balancerIps("ELB app/");
    await("the provider VPC's router counts flows", () -> run("ip", "netns", "exec", HostNames.vpcNamespace(alb.vpcId()), "nft",
        "list", "table", "inet", "pl_flow").contains("chain pre_in"));

    String page = exec("curl", "-sk", "-m", "10", seed.consumerEndpointDnsNames().getFirst());
    assertTrue(page.contains("Welcome to nginx!"), page);

    List<String[]> hop = new ArrayList<>();
    await("records of the NLB → ALB hop", () -> {
      hop.clear();
      logs.filterLogEvents(r -> r.logGroupName(group).filterPattern(PATTERN.formatted("ACCEPT"))).events().stream()
          .map(e -> e.message().split(" ")).filter(f -> nlbIps.contains(f[3]) && albIps.contains(f[4])).forEach(hop::add);
      return hop.stream().map(f -> f[2]).distinct().count() >= 2;
    });
    for (String[] f : hop) {
      assertEquals("6", f[7]);
      assertTrue(Long.parseLong(f[8]) >= 1 && Long.parseLong(f[9]) >= 40, String.join(" ", f));
    }
  }

  /** The private addresses of the load balancer ENIs whose description starts with {@code prefix}. */
  private static Set<String> balancerIps(String prefix) {
    Set<String> ips = new java.util.HashSet<>();
    clients.ec2().describeNetworkInterfaces().networkInterfaces().forEach(n -> {
      if (n.description() != null && n.description().startsWith(prefix)) {
        ips.add(n.privateIpAddress());
      }
    });
    assertFalse(ips.isEmpty(), "ENIs described " + prefix);
    return ips;
  }

  @Test
  @Order(4)
  void afterTheEndpointGroupLoses443TheNextAttemptIsRejected() throws Exception {
    String groupId = endpoint.groups().getFirst().groupId();
    List<String> rules = clients.ec2().describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
        .securityGroupRules().stream().filter(r -> !r.isEgress() && r.fromPort() != null && r.fromPort() == 443)
        .map(SecurityGroupRule::securityGroupRuleId).toList();
    assertFalse(rules.isEmpty());
    clients.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(rules));
    await("the attempt fails", () -> exec("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m", "3",
        seed.consumerEndpointDnsNames().getFirst()).strip().equals("000"));

    List<FilteredLogEvent> rejected = awaitRecords("REJECT", 1);
    String[] f = rejected.getFirst().message().split(" ");
    assertEquals(consumerIp, f[3]);
    assertTrue(endpointIps.contains(f[4]));
    assertEquals("REJECT", f[12]);
    assertTrue(rejected.stream().allMatch(e -> endpoint.networkInterfaceIds().contains(e.message().split(" ")[2])),
        "only the endpoint ENI, whose group dropped the flow, records it as rejected: " + rejected);
    long attempt = Long.parseLong(f[10]);
    await("the consumer ENI's ACCEPT record of the same attempt (its own group let it out)", () -> logs
        .filterLogEvents(r -> r.logGroupName(GROUP).filterPattern(PATTERN.formatted("ACCEPT"))).events().stream()
        .map(e -> e.message().split(" "))
        .anyMatch(r -> r[2].equals(consumerEni) && Long.parseLong(r[10]) >= attempt));
  }

  @Test
  @Order(5)
  void traceShowsTheRejectedRecordsOfItsProbe() throws Exception {
    String out = trace();
    assertTrue(out.contains("[ENI_SG_RULES_MISMATCH]"), out);
    assertTrue(probeRecords(out, "REJECT", false), "REJECT on the endpoint ENI: " + out);
    assertTrue(probeRecords(out, "ACCEPT", true), "ACCEPT on the consumer's own ENI: " + out);
    assertFalse(probeRecords(out, "ACCEPT", false), out);
  }

  @Test
  @Order(6)
  void theCliFindsThemWithASpaceDelimitedPatternAndTailShowsThem() throws Exception {
    String found = aws("logs", "filter-log-events", "--log-group-name", GROUP, "--filter-pattern", PATTERN.formatted("REJECT"),
        "--query", "events[].message", "--output", "text");
    assertTrue(found.contains(" REJECT OK"), found);
    assertFalse(found.contains(" ACCEPT OK"), found);
    String tail = aws("logs", "tail", GROUP, "--since", "30m", "--format", "short");
    assertTrue(tail.contains(" ACCEPT OK") && tail.contains(" REJECT OK"), tail);
    assertTrue(tail.contains(consumerIp), tail);
  }

  private static List<FilteredLogEvent> awaitRecords(String action, int atLeast) throws InterruptedException {
    List<FilteredLogEvent> found = new ArrayList<>();
    await(atLeast + " " + action + " records", () -> {
      found.clear();
      found.addAll(logs.filterLogEvents(r -> r.logGroupName(GROUP).filterPattern(PATTERN.formatted(action))).events());
      return found.stream().filter(e -> e.message().split(" ")[3].equals(consumerIp)).count() >= atLeast;
    });
    return found.stream().filter(e -> e.message().split(" ")[3].equals(consumerIp)).toList();
  }

  /**
   * Whether trace printed a default-format record of the consumer to an endpoint ENI's port 443 with
   * the action, on the consumer's ENI ({@code onConsumer}) or on an endpoint ENI.
   */
  private static boolean probeRecords(String traceOutput, String action, boolean onConsumer) {
    return traceOutput.lines().map(String::strip).map(l -> l.split(" ")).anyMatch(f -> f.length == 14
        && (onConsumer ? f[2].equals(consumerEni) : endpoint.networkInterfaceIds().contains(f[2]))
        && f[3].equals(consumerIp) && endpointIps.contains(f[4]) && f[6].equals("443") && f[12].equals(action));
  }

  /** {@code privatelink trace} from the consumer instance to the endpoint's regional name, in its own JVM. */
  private static String trace() throws IOException, InterruptedException {
    String target = java.net.URI.create(seed.consumerEndpointDnsNames().getFirst()).getHost() + ":443";
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "dev.privatelink.cli.Main", "trace", seed.consumerInstanceId(), target,
        "--data-dir", CLOUD.dataDir().toString()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "trace finished");
    return out;
  }

  private static String aws(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", CLOUD.endpoint().toString(),
        "--region", "us-east-1"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("AWS_ACCESS_KEY_ID", "000000000000");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
    pb.environment().put("AWS_PAGER", "");
    pb.environment().remove("AWS_PROFILE");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static String exec(String... command) {
    return output(InstanceRuntime.execFromOutside(CLOUD.dataDir(), seed.consumerInstanceId(), List.of(command), false));
  }

  private static String run(String... command) {
    return output(new ProcessBuilder(command));
  }

  private static String output(ProcessBuilder pb) {
    try {
      Process p = pb.redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  private static void await(String what, Supplier<Boolean> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
