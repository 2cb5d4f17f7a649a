package dev.privatelink.control.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;

/**
 * The analysis against the data plane, over the seed with a provider and a consumer account: for
 * each blocking cause, applied through the SDK, and for the open path, the analysis from the
 * consumer instance agrees with a real curl from that instance (path found ⇔ nginx's page comes
 * back through the endpoint), its explanation code is the expected one, and {@code trace} (the
 * CLI in a subprocess) names it.
 */
@NetnsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReachabilityMatrixTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  static final String PROVIDER = "111111111111";
  static final String CONSUMER = "222222222222";
  static final String CIDR = "10.0.0.0/16";
  static SeedOutputs seed;
  static StackClients provider;
  static StackClients consumer;
  static String regionalName;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), PROVIDER, CONSUMER, Progress.silent(), true).apply();
    provider = CLOUD.clients(PROVIDER);
    consumer = CLOUD.clients(CONSUMER);
    regionalName = host(seed.consumerEndpointDnsNames().getFirst());
  }

  @Test
  @Order(1)
  void theOpenPath() throws Exception {
    row(seed.vpcEndpointId(), null, regionalName, 443, null);
  }

  @Test
  @Order(2)
  void theEndpointsSecurityGroupWithoutItsHttpsRule() throws Exception {
    withoutIngress(consumer, "consumer_privatelink", tcp(443, CIDR),
        () -> row(seed.vpcEndpointId(), null, regionalName, 443, "ENI_SG_RULES_MISMATCH"));
  }

  @Test
  @Order(3)
  void theConsumersSecurityGroupWithoutEgress() throws Exception {
    String group = groupId(consumer, "consumer");
    IpPermission all = IpPermission.builder().ipProtocol("-1").ipRanges(i -> i.cidrIp("0.0.0.0/0")).build();
    consumer.ec2().revokeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(all));
    try {
      row(seed.vpcEndpointId(), null, regionalName, 443, "ENI_SG_RULES_MISMATCH");
    } finally {
      consumer.ec2().authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(all));
    }
  }

  @Test
  @Order(4)
  void aPortTheEndpointAdmitsButNoListenerServes() throws Exception {
    String group = groupId(consumer, "consumer_privatelink");
    IpPermission other = tcp(8443, CIDR);
    consumer.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(other));
    try {
      row(seed.vpcEndpointId(), null, regionalName, 8443, "ELBV2_LISTENERS_MISMATCH");
    } finally {
      consumer.ec2().revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(other));
    }
  }

  @Test
  @Order(5)
  void theAlbsSecurityGroupWithoutHttpsFromTheNlb() throws Exception {
    withoutIngress(provider, "service", tcp(443, CIDR),
        () -> row(seed.vpcEndpointId(), null, regionalName, 443, "ENI_SG_RULES_MISMATCH"));
    awaitHealthy();
  }

  /**
   * Security groups track connections, here as on AWS: a connection the ALB opened to its target
   * before the rule went stays open, so the probe must not ride on it. The ALB's idle timeout bounds
   * its connections to targets too; with it at 1 s, the pooled connection is gone after 2 s of
   * silence, and the next request needs a new connection, which the target's group now drops.
   */
  @Test
  @Order(6)
  void theTargetsSecurityGroupWithoutHttpFromTheAlb() throws Exception {
    String alb = provider.elb().describeLoadBalancers().loadBalancers().stream()
        .filter(lb -> lb.typeAsString().equals("application")).findFirst().orElseThrow().loadBalancerArn();
    String idleTimeout = "idle_timeout.timeout_seconds";
    String before = provider.elb().describeLoadBalancerAttributes(r -> r.loadBalancerArn(alb)).attributes().stream()
        .filter(a -> a.key().equals(idleTimeout)).findFirst().orElseThrow().value();
    provider.elb().modifyLoadBalancerAttributes(r -> r.loadBalancerArn(alb).attributes(a -> a.key(idleTimeout).value("1")));
    try {
      withoutIngress(provider, "service", tcp(80, CIDR), () -> {
        Thread.sleep(2_000);
        row(seed.vpcEndpointId(), null, regionalName, 443, "ENI_SG_RULES_MISMATCH");
      });
    } finally {
      provider.elb().modifyLoadBalancerAttributes(r -> r.loadBalancerArn(alb).attributes(a -> a.key(idleTimeout).value(before)));
    }
    awaitHealthy();
  }

  @Test
  @Order(7)
  void anUnhealthyTarget() throws Exception {
    exec(seed.serviceInstanceId(), "systemctl", "stop", "nginx");
    try {
      await("nginx unhealthy", () -> "unhealthy".equals(health("service")));
      row(seed.vpcEndpointId(), null, regionalName, 443, "BAD_STATE");
    } finally {
      exec(seed.serviceInstanceId(), "systemctl", "start", "nginx");
    }
    awaitHealthy();
  }

  @Test
  @Order(8)
  void aZoneWithNoTargetAndCrossZoneOff() throws Exception {
    var lb = provider.elb().describeLoadBalancers(r -> r.names("service-nlb")).loadBalancers().getFirst();
    var listener = provider.elb().describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners().getFirst();
    String original = listener.defaultActions().getFirst().targetGroupArn();
    String albNodeA = provider.ec2().describeNetworkInterfaces(r -> r.filters(
            f -> f.name("description").values("ELB app/service-alb/*"), f -> f.name("availability-zone").values("us-east-1a")))
        .networkInterfaces().getFirst().privateIpAddress();
    String zonal = provider.elb().createTargetGroup(r -> r.name("zone-a-only").protocol("TCP").port(443).targetType("ip")
        .vpcId(lb.vpcId())).targetGroups().getFirst().targetGroupArn();
    provider.elb().registerTargets(r -> r.targetGroupArn(zonal).targets(t -> t.id(albNodeA).port(443).availabilityZone("us-east-1a")));
    provider.elb().modifyListener(r -> r.listenerArn(listener.listenerArn()).defaultActions(a -> a.type("forward")
        .targetGroupArn(zonal)));
    try {
      String zoneB = seed.consumerEndpointDnsNames().stream().filter(n -> n.contains("-us-east-1b.")).findFirst().orElseThrow();
      row(seed.vpcEndpointId(), endpointIpIn("us-east-1b"), host(zoneB), 443, "ELB_NOT_CROSSZONE");
    } finally {
      provider.elb().modifyListener(r -> r.listenerArn(listener.listenerArn()).defaultActions(a -> a.type("forward")
          .targetGroupArn(original)));
      provider.elb().deleteTargetGroup(r -> r.targetGroupArn(zonal));
    }
  }

  @Test
  @Order(9)
  void anEndpointPendingAcceptanceThenRejected() throws Exception {
    var service = provider.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().getFirst();
    provider.ec2().modifyVpcEndpointServiceConfiguration(r -> r.serviceId(service.serviceId()).acceptanceRequired(true));
    var existing = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId())).vpcEndpoints().getFirst();
    var second = consumer.ec2().createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(existing.vpcId())
        .serviceName(service.serviceName()).subnetIds(existing.subnetIds().getFirst()).securityGroupIds(
            existing.groups().getFirst().groupId()).privateDnsEnabled(false)).vpcEndpoint();
    String name = host("https://" + second.dnsEntries().getFirst().dnsName());
    try {
      assertEquals("pendingAcceptance", second.stateAsString());
      row(second.vpcEndpointId(), null, name, 443, "BAD_STATE");
      provider.ec2().rejectVpcEndpointConnections(r -> r.serviceId(service.serviceId()).vpcEndpointIds(second.vpcEndpointId()));
      await("rejected", () -> "rejected".equals(consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(second.vpcEndpointId()))
          .vpcEndpoints().getFirst().stateAsString()));
      row(second.vpcEndpointId(), null, name, 443, "BAD_STATE");
    } finally {
      consumer.ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(second.vpcEndpointId()));
      provider.ec2().modifyVpcEndpointServiceConfiguration(r -> r.serviceId(service.serviceId()).acceptanceRequired(false));
    }
  }

  /** AWS keeps accepted connections when a principal is removed: the path stays open, and so does the flow. */
  @Test
  @Order(10)
  void anAcceptedEndpointAfterItsPrincipalIsRemoved() throws Exception {
    String serviceId = provider.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().getFirst().serviceId();
    String principal = "arn:aws:iam::" + CONSUMER + ":root";
    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).removeAllowedPrincipals(principal));
    try {
      row(seed.vpcEndpointId(), null, regionalName, 443, null);
    } finally {
      provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).addAllowedPrincipals(principal));
    }
  }

  /**
   * One row: the analysis gives {@code expectedCode} (null: the path is found), a curl from the
   * consumer instance agrees once the host reflects the change, and trace names the same.
   */
  private static void row(String destination, @Nullable String destinationIp, String host, int port,
      @Nullable String expectedCode) throws Exception {
    awaitHost();
    NetworkInsightsAnalysis analysis = analyze(destination, destinationIp, port);
    boolean found = expectedCode == null;
    assertEquals(found, analysis.networkPathFound(), analysis.explanations().toString());
    if (!found) {
      assertEquals(expectedCode, analysis.explanations().getFirst().explanationCode(), analysis.explanations().toString());
    }
    await("a probe that agrees with the analysis (path found: " + found + ")", () -> nginxAnswers(host, port) == found);
    String trace = trace(host + ":" + port);
    assertTrue(trace.contains(found ? "analysis: the path is reachable" : "[" + expectedCode + "]"), trace);
    assertTrue(trace.contains("probe from " + seed.consumerInstanceId()), trace);
    assertEquals(found, trace.contains("nginx answered"), trace);
  }

  /** Runs {@code body} while the group named {@code name} lacks the ingress {@code rule}, and puts the rule back. */
  private static void withoutIngress(StackClients clients, String name, IpPermission rule, Row body) throws Exception {
    String group = groupId(clients, name);
    clients.ec2().revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(rule));
    try {
      body.run();
    } finally {
      clients.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(rule));
    }
  }

  /** A row's assertions. */
  private interface Row {
    void run() throws Exception;
  }

  private static NetworkInsightsAnalysis analyze(String destination, @Nullable String destinationIp, int port)
      throws InterruptedException {
    String path = consumer.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId()).destination(destination)
        .destinationIp(destinationIp).protocol("tcp").destinationPort(port)).networkInsightsPath().networkInsightsPathId();
    String id = consumer.ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis()
        .networkInsightsAnalysisId();
    NetworkInsightsAnalysis[] done = new NetworkInsightsAnalysis[1];
    await("the analysis", () -> {
      done[0] = consumer.ec2().describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(id))
          .networkInsightsAnalyses().getFirst();
      return done[0].statusAsString().equals("succeeded");
    });
    return done[0];
  }

  private static boolean nginxAnswers(String host, int port) {
    try {
      return exec(seed.consumerInstanceId(), "curl", "-sk", "-m", "5", "https://" + host + ":" + port + "/")
          .contains("Welcome to nginx!");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String trace(String target) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "dev.privatelink.cli.Main", "trace", seed.consumerInstanceId(), target, "--data-dir", CLOUD.dataDir().toString())
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "trace finished");
    return out;
  }

  private static String endpointIpIn(String zone) {
    var enis = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(seed.vpcEndpointId())).vpcEndpoints().getFirst()
        .networkInterfaceIds();
    return consumer.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(enis)).networkInterfaces().stream()
        .filter(i -> i.availabilityZone().equals(zone)).findFirst().orElseThrow().privateIpAddress();
  }

  private static String groupId(StackClients clients, String name) {
    return clients.ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values(name)))
        .securityGroups().getFirst().groupId();
  }

  private static IpPermission tcp(int port, String cidr) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(i -> i.cidrIp(cidr)).build();
  }

  private static String health(String targetGroupName) {
    String arn = provider.elb().describeTargetGroups(r -> r.names(targetGroupName)).targetGroups().getFirst().targetGroupArn();
    return provider.elb().describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().getFirst()
        .targetHealth().stateAsString();
  }

  private static void awaitHealthy() throws InterruptedException {
    await("targets healthy again", () -> "healthy".equals(health("service")) && "healthy".equals(health("service-nlb")));
  }

  /** Waits until the host reflects the state version of now. */
  private static void awaitHost() throws InterruptedException {
    long wanted = CLOUD.cloud().cloud().version();
    HttpClient http = HttpClient.newHttpClient();
    await("the host at version " + wanted, () -> {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create(CLOUD.endpoint() + "/_privatelink/health")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(body.replaceAll(".*\"hostVersion\":(\\d+).*", "$1")) >= wanted;
      } catch (IOException | InterruptedException | NumberFormatException e) {
        return false;
      }
    });
  }

  private static String exec(String instanceId, String... command) throws IOException, InterruptedException {
    Process p = InstanceRuntime.execFromOutside(CLOUD.dataDir(), instanceId, List.of(command), false)
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static String host(String url) {
    return URI.create(url).getHost();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
