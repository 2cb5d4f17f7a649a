package dev.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TerraformTest;
import dev.privatelink.testing.TerraformWorkspace;
import dev.privatelink.testing.TerraformWorkspaces;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * A provider team's PrivateLink workflow in Terraform, two provider aliases as two accounts, through
 * {@code privatelink terraform}: an endpoint service that requires acceptance, its allowed principal,
 * the consumer's endpoint and the provider's {@code aws_vpc_endpoint_connection_accepter}, in front
 * of a target group with {@code proxy_protocol_v2}. The real target sees the consumer's address and
 * the endpoint id in the header; a plan after has nothing to change; destroy leaves nothing.
 */
@NetnsTest
@TerraformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Alongside the other Terraform classes and the rest of the suite (it has its own cloud, workspace
// and account); its steps stay in order, one after another, on the class's thread.
@Execution(ExecutionMode.CONCURRENT)
class PrivateLinkWorkflowTerraformTest {
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final String PROVIDER = "111111111111";
  private static final String CONSUMER = "222222222222";

  @RegisterExtension
  @Order(1)
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();

  @RegisterExtension
  @Order(2)
  static final TerraformWorkspaces TERRAFORM = new TerraformWorkspaces();

  static TerraformWorkspace workflow;

  @BeforeAll
  static void initialise() throws Exception {
    workflow = TERRAFORM.copyOf(Path.of("src/test/resources/dev/privatelink/terraform/privatelink-workflow"));
    workflow.launcher(TerraformTests.privatelinkTerraform(CLOUD.endpoint())).env("TF_CLI_CONFIG_FILE", null)
        .env("AWS_ACCESS_KEY_ID", null).env("AWS_SECRET_ACCESS_KEY", null).env("AWS_DEFAULT_REGION", "us-east-1");
    try (InputStream echo = PrivateLinkWorkflowTerraformTest.class.getResourceAsStream("/dev/privatelink/privatelink/ppv2-echo.py")) {
      workflow.write("ppv2-echo.py", new String(echo.readAllBytes(), StandardCharsets.UTF_8));
    }
    workflow.succeed(LIMIT, "init", "-input=false");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  void theAcceptedEndpointReachesAProxyProtocolTargetThatSeesTheConsumerAndTheEndpoint() throws Exception {
    workflow.succeed(LIMIT, "apply", "-auto-approve", "-input=false");
    JsonNode outputs = new ObjectMapper().readTree(workflow.succeed(LIMIT, "output", "-json").output());
    String endpointId = outputs.get("endpoint_id").get("value").asText();
    String name = outputs.get("endpoint_dns_names").get("value").get(0).asText();
    StackClients consumer = CLOUD.clients(CONSUMER);
    assertEquals("available", consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints()
        .getFirst().stateAsString());
    var instance = consumer.ec2().describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("consumer").build(),
        Filter.builder().name("instance-state-name").values("running").build())).reservations().getFirst().instances().getFirst();
    String probe = probe();
    String seen = TerraformTests.inInstanceUntil(CLOUD.dataDir(), instance.instanceId(),
        List.of("python3", "-c", probe, name, "8080"), s -> s.startsWith("src="), Duration.ofSeconds(90)).strip();
    assertTrue(seen.startsWith("src=" + instance.privateIpAddress() + ":"), seen);
    assertTrue(seen.endsWith("vpce=" + endpointId), seen);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  void aPlanRightAfterTheApplyHasNothingToChange() throws Exception {
    TerraformWorkspace.Result plan = workflow.run(LIMIT, "plan", "-detailed-exitcode", "-input=false");
    assertEquals(0, plan.exitCode(), plan.describe());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(3)
  void destroyLeavesNothingInEitherAccount() throws Exception {
    List<String> ids = new ArrayList<>();
    StackClients provider = CLOUD.clients(PROVIDER);
    StackClients consumer = CLOUD.clients(CONSUMER);
    for (StackClients account : List.of(provider, consumer)) {
      account.ec2().describeVpcs().vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).forEach(v -> ids.add(v.vpcId()));
      account.ec2().describeInstances().reservations().forEach(r -> r.instances().forEach(i -> ids.add(i.instanceId())));
    }
    assertEquals(4, ids.size(), "a VPC and an instance in each account: " + ids);

    workflow.succeed(LIMIT, "destroy", "-auto-approve", "-input=false");
    workflow.destroyed();

    for (StackClients account : List.of(provider, consumer)) {
      assertEquals(List.of(), account.ec2().describeVpcs().vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).toList());
      assertEquals(List.of(), account.ec2().describeNetworkInterfaces().networkInterfaces());
    }
    assertEquals(List.of(), provider.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations());
    assertEquals(List.of(), TerraformTests.namespacesNaming(ids));
  }

  private static String probe() throws java.io.IOException {
    try (InputStream in = PrivateLinkWorkflowTerraformTest.class.getResourceAsStream("/dev/privatelink/privatelink/probe.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
