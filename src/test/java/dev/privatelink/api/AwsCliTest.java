package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.testing.LocalCloudExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS CLI as users run it, both generations: v1 (pip, {@code python3 -m awscli}) and v2
 * (Debian's {@code /usr/bin/aws}), against the seed stack: the endpoint with its DNS entries, the
 * NLB's target health, and AWS's error for a VPC that does not exist.
 */
class AwsCliTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  static SeedOutputs seed;

  @BeforeAll
  static void seed() {
    seed = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000", Progress.silent(), false).apply();
  }

  record Result(int exit, String out, String err) {}

  private static Result aws(String cli, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(cli.equals("v1") ? List.of("python3", "-m", "awscli") : List.of("/usr/bin/aws"));
    command.addAll(List.of("--endpoint-url", CLOUD.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("AWS_ACCESS_KEY_ID", "000000000000");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
    pb.environment().put("AWS_PAGER", "");
    pb.environment().remove("AWS_PROFILE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out, err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void describeVpcEndpointsShowsTheEndpointWithItsDnsEntries(String cli) throws Exception {
    Result r = aws(cli, "ec2", "describe-vpc-endpoints");
    assertEquals(0, r.exit(), r.err());
    JsonNode endpoint = new ObjectMapper().readTree(r.out()).get("VpcEndpoints").get(0);
    assertEquals(seed.vpcEndpointId(), endpoint.get("VpcEndpointId").asText());
    assertEquals("available", endpoint.get("State").asText());
    assertEquals("Interface", endpoint.get("VpcEndpointType").asText());
    List<String> names = new ArrayList<>();
    endpoint.get("DnsEntries").forEach(d -> names.add("https://" + d.get("DnsName").asText()));
    assertEquals(seed.consumerEndpointDnsNames(), names);
    assertEquals(6, endpoint.get("NetworkInterfaceIds").size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void describeTargetHealthShowsTheNlbsTarget(String cli) throws Exception {
    Result groups = aws(cli, "elbv2", "describe-target-groups", "--names", "service-nlb");
    assertEquals(0, groups.exit(), groups.err());
    String arn = new ObjectMapper().readTree(groups.out()).get("TargetGroups").get(0).get("TargetGroupArn").asText();
    Result r = aws(cli, "elbv2", "describe-target-health", "--target-group-arn", arn);
    assertEquals(0, r.exit(), r.err());
    JsonNode target = new ObjectMapper().readTree(r.out()).get("TargetHealthDescriptions").get(0);
    assertTrue(target.get("Target").get("Id").asText().contains(":loadbalancer/app/service-alb/"), r.out());
    assertEquals(443, target.get("Target").get("Port").asInt());
    assertEquals("initial", target.get("TargetHealth").get("State").asText(), "no data plane here, so no health check has run");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void aMissingVpcIsAwsError(String cli) throws Exception {
    Result r = aws(cli, "ec2", "describe-vpcs", "--vpc-ids", "vpc-0123456789abcdef0");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("InvalidVpcID.NotFound") && r.err().contains("vpc-0123456789abcdef0"), r.err());
  }

  /** The wire name is DescribeSSLPolicies while the SDK's class is DescribeSslPoliciesRequest. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void describeSslPoliciesListsThePolicyWithItsCiphersInOrder(String cli) throws Exception {
    Result r = aws(cli, "elbv2", "describe-ssl-policies", "--names", "ELBSecurityPolicy-TLS13-1-2-2021-06");
    assertEquals(0, r.exit(), r.err());
    JsonNode policy = new ObjectMapper().readTree(r.out()).get("SslPolicies").get(0);
    assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", policy.get("Name").asText());
    assertTrue(policy.get("SslProtocols").toString().contains("TLSv1.3"), r.out());
    assertEquals(1, policy.get("Ciphers").get(0).get("Priority").asInt());
    Result missing = aws(cli, "elbv2", "describe-ssl-policies", "--names", "NoSuchPolicy");
    assertNotEquals(0, missing.exit());
    assertTrue(missing.err().contains("SSLPolicyNotFound"), missing.err());
  }
}
