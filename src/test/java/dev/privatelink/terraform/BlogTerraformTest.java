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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The blog post's own test, on the Terraform of examples/blog-terraform applied unchanged through
 * {@code privatelink terraform} (the directory has no provider block): apply, then from the consumer
 * instance curl the first {@code consumer_endpoint_dns_names} URL and get nginx's page; a plan right
 * after has nothing to change; destroy leaves no VPC, no ENI and no namespace of the system.
 */
@NetnsTest
@TerraformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Alongside the other Terraform classes and the rest of the suite (it has its own cloud, workspace
// and account); its steps stay in order, one after another, on the class's thread.
@Execution(ExecutionMode.CONCURRENT)
class BlogTerraformTest {
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final String ACCOUNT = "000000000000";
  private static final String KEY = "blog-terraform";

  @RegisterExtension
  @Order(1)
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();

  @RegisterExtension
  @Order(2)
  static final TerraformWorkspaces TERRAFORM = new TerraformWorkspaces();

  static TerraformWorkspace blog;
  static StackClients aws;
  static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void initialise() throws Exception {
    blog = TERRAFORM.copyOf(Path.of("examples/blog-terraform"));
    blog.launcher(TerraformTests.privatelinkTerraform(CLOUD.endpoint())).env("AWS_ACCESS_KEY_ID", ACCOUNT).env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_DEFAULT_REGION", "us-east-1").env("AWS_REGION", null).env("TF_CLI_CONFIG_FILE", null);
    Process cert = new ProcessBuilder("./make-certificate.sh").directory(blog.dir().toFile()).redirectErrorStream(true).start();
    assertEquals(0, cert.waitFor(), new String(cert.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    aws = CLOUD.clients(ACCOUNT);
    aws.ec2().createKeyPair(r -> r.keyName(KEY));
    blog.succeed(LIMIT, "init", "-input=false");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  void applyBuildsTheBlogSystemAndTheConsumerGetsNginxThroughTheEndpoint() throws Exception {
    long start = System.nanoTime();
    TerraformWorkspace.Result apply = blog.succeed(LIMIT, "apply", "-auto-approve", "-input=false", "-var", "key_name=" + KEY);
    figures.add("apply %.1f s".formatted(apply.took().toMillis() / 1000.0));
    assertTrue(!Files.exists(blog.dir().resolve(ProviderOverride.FILE)), "the generated override is removed");

    JsonNode outputs = new ObjectMapper().readTree(blog.succeed(LIMIT, "output", "-json").output());
    List<String> urls = new ArrayList<>();
    outputs.get("consumer_endpoint_dns_names").get("value").forEach(u -> urls.add(u.asText()));
    assertEquals(1 + aws.ec2().describeAvailabilityZones().availabilityZones().size(), urls.size(), urls.toString());
    assertTrue(urls.getFirst().matches("https://vpce-[0-9a-f]{17}-[0-9a-z]{8}\\.vpce-svc-[0-9a-f]{17}\\.us-east-1\\.vpce\\.amazonaws\\.com"),
        urls.getFirst());
    assertTrue(outputs.get("consumer_public_ip").get("value").asText().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), outputs.toString());

    String page = TerraformTests.inInstanceUntil(CLOUD.dataDir(), consumerInstanceId(), List.of("curl", "-sk", "-m", "5",
        urls.getFirst()), p -> p.contains("Welcome to nginx!"), Duration.ofSeconds(90));
    figures.add("first page %.1f s after apply began".formatted((System.nanoTime() - start) / 1e9));
    assertTrue(page.contains("<title>Welcome to nginx!</title>"), page);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  void aPlanRightAfterTheApplyHasNothingToChange() throws Exception {
    TerraformWorkspace.Result plan = blog.run(LIMIT, "plan", "-detailed-exitcode", "-input=false", "-var", "key_name=" + KEY);
    assertEquals(0, plan.exitCode(), plan.describe());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(3)
  void destroyLeavesNoVpcNoEniAndNoNamespaceOfTheSystem() throws Exception {
    List<String> ids = new ArrayList<>(ourVpcs().stream().map(Vpc::vpcId).toList());
    aws.ec2().describeInstances().reservations().forEach(r -> r.instances().forEach(i -> ids.add(i.instanceId())));
    assertEquals(4, ids.size(), "two VPCs and two instances before destroy: " + ids);

    TerraformWorkspace.Result destroy = blog.succeed(LIMIT, "destroy", "-auto-approve", "-input=false", "-var", "key_name=" + KEY);
    blog.destroyed();
    figures.add("destroy %.1f s".formatted(destroy.took().toMillis() / 1000.0));
    System.err.println("blog-terraform figures: " + String.join(", ", figures));

    assertEquals(List.of(), ourVpcs(), "no VPC but default ones");
    assertEquals(List.of(), aws.ec2().describeNetworkInterfaces().networkInterfaces(), "no ENI");
    assertEquals(List.of(), TerraformTests.namespacesNaming(ids), "no namespace of the system's VPCs and instances");
    aws.ec2().deleteKeyPair(r -> r.keyName(KEY));
  }

  private static List<Vpc> ourVpcs() {
    return aws.ec2().describeVpcs().vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).toList();
  }

  private static String consumerInstanceId() {
    return aws.ec2().describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values("PrivateLink Demo Consumer").build(),
        Filter.builder().name("instance-state-name").values("running").build())).reservations().getFirst().instances()
        .getFirst().instanceId();
  }
}
