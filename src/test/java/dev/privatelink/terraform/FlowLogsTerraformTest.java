package dev.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.TerraformTest;
import dev.privatelink.testing.TerraformWorkspace;
import dev.privatelink.testing.TerraformWorkspaces;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.FlowLog;

/**
 * {@code aws_cloudwatch_log_group} and {@code aws_flow_log} (on a VPC with a custom version 5
 * format, on a subnet for rejects) through {@code privatelink terraform}: apply, a plan after
 * with nothing to change, destroy leaving no flow log and no group.
 */
@TerraformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
class FlowLogsTerraformTest {
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final String ACCOUNT = "000000000000";

  @RegisterExtension
  @Order(1)
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @RegisterExtension
  @Order(2)
  static final TerraformWorkspaces TERRAFORM = new TerraformWorkspaces();

  static TerraformWorkspace workspace;
  static StackClients aws;
  static CloudWatchLogsClient logs;

  @BeforeAll
  static void initialise() throws Exception {
    workspace = TERRAFORM.copyOf(Path.of("src/test/resources/dev/privatelink/terraform/flow-logs"));
    workspace.launcher(TerraformTests.privatelinkTerraform(CLOUD.endpoint())).env("AWS_ACCESS_KEY_ID", ACCOUNT)
        .env("AWS_SECRET_ACCESS_KEY", "test").env("AWS_DEFAULT_REGION", "us-east-1").env("AWS_REGION", null)
        .env("TF_CLI_CONFIG_FILE", null);
    aws = CLOUD.clients(ACCOUNT);
    logs = CloudWatchLogsClient.builder().endpointOverride(CLOUD.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "test"))).build();
    workspace.succeed(LIMIT, "init", "-input=false");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  void applyMakesTheGroupAndTheFlowLogsAsTheSdkSeesThem() throws Exception {
    workspace.succeed(LIMIT, "apply", "-auto-approve", "-input=false");
    JsonNode out = new ObjectMapper().readTree(workspace.succeed(LIMIT, "output", "-json").output());
    LogGroup group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/vpc/flow-logs")).logGroups().getFirst();
    assertEquals(7, group.retentionInDays());
    assertEquals(group.logGroupArn(), out.get("log_group_arn").get("value").asText(), "the provider shows the ARN without :*");
    assertEquals("network", logs.listTagsForResource(r -> r.resourceArn(group.logGroupArn())).tags().get("Team"));
    FlowLog log = aws.ec2().describeFlowLogs(r -> r.flowLogIds(out.get("flow_log_id").get("value").asText())).flowLogs().getFirst();
    assertEquals("/vpc/flow-logs", log.logGroupName());
    assertEquals(60, log.maxAggregationInterval());
    assertTrue(log.logFormat().contains("${flow-direction}"), log.logFormat());
    assertEquals(2, aws.ec2().describeFlowLogs(r -> { }).flowLogs().size());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  void aPlanAfterTheApplyHasNothingToChange() throws Exception {
    TerraformWorkspace.Result plan = workspace.run(LIMIT, "plan", "-detailed-exitcode", "-input=false");
    assertEquals(0, plan.exitCode(), plan.describe());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(3)
  void destroyLeavesNoFlowLogAndNoGroup() throws Exception {
    workspace.succeed(LIMIT, "destroy", "-auto-approve", "-input=false");
    workspace.destroyed();
    assertEquals(0, aws.ec2().describeFlowLogs(r -> { }).flowLogs().size());
    assertEquals(0, logs.describeLogGroups(r -> { }).logGroups().size());
    logs.close();
  }
}
