package dev.privatelink.control.reachability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.PathComponent;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Reachability Analyzer over the seed through the real SDK (control plane only): the open path
 * from the consumer instance to the endpoint is found hop by hop, each blocking cause gives its
 * explanation code, and bad input is AWS's error.
 */
class ReachabilityApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  static final String ACCOUNT = "000000000000";
  static SeedOutputs seed;
  static StackClients aws;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), ACCOUNT, ACCOUNT, Progress.silent(), false).apply();
    aws = CLOUD.clients(ACCOUNT);
  }

  static NetworkInsightsAnalysis analyze(String destination, int port) {
    String path = aws.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId()).destination(destination)
        .protocol("tcp").destinationPort(port)).networkInsightsPath().networkInsightsPathId();
    var started = aws.ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis();
    assertEquals("running", started.statusAsString());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      var now = aws.ec2().describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(started.networkInsightsAnalysisId()))
          .networkInsightsAnalyses().getFirst();
      if (now.statusAsString().equals("succeeded")) {
        return now;
      }
    }
    throw new AssertionError("the analysis never succeeded");
  }

  @Test
  void theOpenPathIsFoundThroughTheEndpointTheNlbAndTheAlbToTheInstance() {
    NetworkInsightsAnalysis a = analyze(seed.vpcEndpointId(), 443);
    assertTrue(a.networkPathFound(), a.explanations().toString());
    List<String> ids = a.forwardPathComponents().stream().map(c -> c.component().id()).toList();
    assertEquals(seed.consumerInstanceId(), ids.getFirst());
    assertEquals(seed.serviceInstanceId(), ids.getLast());
    assertTrue(ids.contains(seed.vpcEndpointId()), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.startsWith("vpce-svc-")), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.contains(":loadbalancer/net/service-nlb/")), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.contains(":loadbalancer/app/service-alb/")), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.contains(":listener/net/")), ids.toString());
    assertTrue(ids.stream().anyMatch(i -> i.contains(":targetgroup/service-nlb/")), ids.toString());
    PathComponent first = a.forwardPathComponents().get(1);
    assertEquals(1, a.forwardPathComponents().getFirst().sequenceNumber());
    assertEquals(443, first.outboundHeader().destinationPortRanges().getFirst().from());
    assertTrue(a.forwardPathComponents().stream().anyMatch(c -> c.securityGroupRule() != null
        && "ingress".equals(c.securityGroupRule().direction())), "the endpoint's ingress rule is on the path");
    assertTrue(a.explanations().isEmpty());
  }

  @Test
  void aPortWithoutAnIngressRuleIsBlockedAtTheEndpointsSecurityGroup() {
    NetworkInsightsAnalysis a = analyze(seed.vpcEndpointId(), 8443);
    assertFalse(a.networkPathFound());
    assertEquals("ENI_SG_RULES_MISMATCH", a.explanations().getFirst().explanationCode());
    assertEquals("ingress", a.explanations().getFirst().direction());
  }

  @Test
  void aPortTheSecurityGroupAdmitsButNoListenerServesIsAListenersMismatch() {
    SecurityGroup group = aws.ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("consumer_privatelink")))
        .securityGroups().getFirst();
    aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(p -> p.ipProtocol("tcp")
        .fromPort(8443).toPort(8443).ipRanges(i -> i.cidrIp("10.0.0.0/16"))));
    try {
      NetworkInsightsAnalysis a = analyze(seed.vpcEndpointId(), 8443);
      assertFalse(a.networkPathFound());
      assertEquals("ELBV2_LISTENERS_MISMATCH", a.explanations().getFirst().explanationCode());
    } finally {
      aws.ec2().revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(p -> p.ipProtocol("tcp")
          .fromPort(8443).toPort(8443).ipRanges(i -> i.cidrIp("10.0.0.0/16"))));
    }
  }

  @Test
  void pathsAndAnalysesAreDescribedTaggedAndDeleted() {
    String path = aws.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId()).destination(seed.vpcEndpointId())
        .protocol("tcp").destinationPort(443).tagSpecifications(t -> t.resourceType("network-insights-path")
            .tags(g -> g.key("Name").value("to-endpoint")))).networkInsightsPath().networkInsightsPathId();
    assertTrue(path.matches("nip-[0-9a-f]{17}"), path);
    var described = aws.ec2().describeNetworkInsightsPaths(r -> r.networkInsightsPathIds(path)).networkInsightsPaths().getFirst();
    assertEquals("to-endpoint", described.tags().getFirst().value());
    assertEquals(seed.vpcEndpointId(), described.destination());
    assertTrue(described.networkInsightsPathArn().endsWith(":network-insights-path/" + path));
    aws.ec2().deleteNetworkInsightsPath(r -> r.networkInsightsPathId(path));
    assertEquals("InvalidNetworkInsightsPathId.NotFound", code(() -> aws.ec2().describeNetworkInsightsPaths(
        r -> r.networkInsightsPathIds(path))));
  }

  @Test
  void badInputIsAwssError() {
    assertEquals("InvalidInstanceID.NotFound", code(() -> aws.ec2().createNetworkInsightsPath(r -> r
        .source("i-0123456789abcdef0").destination(seed.vpcEndpointId()).protocol("tcp"))));
    assertEquals("InvalidNetworkInsightsPathId.NotFound", code(() -> aws.ec2().startNetworkInsightsAnalysis(r -> r
        .networkInsightsPathId("nip-0123456789abcdef0"))));
    assertEquals("InvalidNetworkInsightsAnalysisId.NotFound", code(() -> aws.ec2().deleteNetworkInsightsAnalysis(r -> r
        .networkInsightsAnalysisId("nia-0123456789abcdef0"))));
    assertEquals("InvalidParameterValue", code(() -> aws.ec2().createNetworkInsightsPath(r -> r
        .source(seed.consumerInstanceId()).destination(seed.vpcEndpointId()).protocol("icmp"))));
  }

  @Test
  void aRefusedCallChangesNothing() {
    CLOUD.quiesce();
    long before = CLOUD.cloud().cloud().version();
    code(() -> aws.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId()).protocol("tcp")));
    code(() -> aws.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId())
        .destination("vpce-0123456789abcdef0").protocol("tcp")));
    assertEquals(before, CLOUD.cloud().cloud().version());
  }

  @Test
  void anotherAccountNeitherSeesThePathsNorUsesTheInstances() {
    String path = aws.ec2().createNetworkInsightsPath(r -> r.source(seed.consumerInstanceId()).destination(seed.vpcEndpointId())
        .protocol("tcp").destinationPort(443)).networkInsightsPath().networkInsightsPathId();
    var other = CLOUD.clients("333333333333").ec2();
    assertTrue(other.describeNetworkInsightsPaths(r -> { }).networkInsightsPaths().isEmpty());
    assertEquals("InvalidNetworkInsightsPathId.NotFound", code(() -> other.startNetworkInsightsAnalysis(r -> r
        .networkInsightsPathId(path))));
    assertEquals("InvalidInstanceID.NotFound", code(() -> other.createNetworkInsightsPath(r -> r
        .source(seed.consumerInstanceId()).destination(seed.vpcEndpointId()).protocol("tcp"))));
  }

  private static String code(Runnable call) {
    return assertThrows(AwsServiceException.class, call::run).awsErrorDetails().errorCode();
  }
}
