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
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The PrivateLink workflows of a provider team and its consumers as they write them in Terraform,
 * through {@code privatelink terraform}, one account, control plane only (no traffic is checked):
 * the default VPC's data source and {@code aws_default_*} resources; an NLB in the default subnets
 * behind an endpoint service with a verified private DNS name and a connection notification; the
 * data sources {@code aws_vpc_endpoint_service} (by name, by filter), {@code aws_vpc_endpoint},
 * {@code aws_network_interfaces}/{@code aws_network_interface}, {@code aws_lb},
 * {@code aws_security_group}; an interface endpoint whose subnets and security group come from
 * association resources; the NLB's TLS listener (an imported ACM certificate, an ELBSecurityPolicy)
 * and a UDP listener; an S3 gateway endpoint with a route table and an endpoint policy. The
 * outputs equal the SDK's view, a plan after has nothing to change, destroy leaves nothing.
 */
@TerraformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderWorkflowsTerraformTest {
  private static final Duration LIMIT = Duration.ofMinutes(12);
  private static final String ACCOUNT = "000000000000";

  @RegisterExtension
  @Order(1)
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @RegisterExtension
  @Order(2)
  static final TerraformWorkspaces TERRAFORM = new TerraformWorkspaces();

  static TerraformWorkspace workflows;
  static StackClients aws;

  @BeforeAll
  static void initialise() throws Exception {
    workflows = TERRAFORM.copyOf(Path.of("src/test/resources/dev/privatelink/terraform/provider-workflows"));
    workflows.launcher(TerraformTests.privatelinkTerraform(CLOUD.endpoint())).env("AWS_ACCESS_KEY_ID", ACCOUNT)
        .env("AWS_SECRET_ACCESS_KEY", "test").env("AWS_DEFAULT_REGION", "us-east-1").env("AWS_REGION", null)
        .env("TF_CLI_CONFIG_FILE", null);
    Process cert = new ProcessBuilder("./make-certificate.sh").directory(workflows.dir().toFile()).redirectErrorStream(true).start();
    assertEquals(0, cert.waitFor(), new String(cert.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    aws = CLOUD.clients(ACCOUNT);
    workflows.succeed(LIMIT, "init", "-input=false");
  }

  @Test
  @Order(1)
  void applyBuildsTheWorkflowsAndTheOutputsAreWhatTheSdkSees() throws Exception {
    workflows.succeed(LIMIT, "apply", "-auto-approve", "-input=false");
    JsonNode out = new ObjectMapper().readTree(workflows.succeed(LIMIT, "output", "-json").output());

    Vpc defaultVpc = aws.ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().getFirst();
    assertEquals(defaultVpc.vpcId(), value(out, "default_vpc_id"));
    assertEquals(defaultVpc.vpcId(), value(out, "default_vpc_resource_id"));
    List<String> defaultSubnets = aws.ec2().describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(defaultVpc.vpcId()).build()))
        .subnets().stream().map(Subnet::subnetId).sorted().toList();
    assertEquals(defaultSubnets, values(out, "default_subnet_ids"));
    assertTrue(defaultSubnets.contains(value(out, "default_subnet_a")), out.toString());
    assertEquals(aws.ec2().describeSecurityGroups(r -> r.filters(Filter.builder().name("vpc-id").values(defaultVpc.vpcId()).build(),
        Filter.builder().name("group-name").values("default").build())).securityGroups().getFirst().groupId(), value(out, "default_security_group_id"));
    assertEquals(aws.ec2().describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(defaultVpc.vpcId()).build(),
        Filter.builder().name("association.main").values("true").build())).routeTables().getFirst().routeTableId(), value(out, "default_route_table_id"));
    assertEquals(aws.elb().describeLoadBalancers(r -> r.names("provider-service")).loadBalancers().getFirst().dnsName(), value(out, "lb_dns_name"));

    ServiceConfiguration service = aws.ec2().describeVpcEndpointServiceConfigurations(r -> r.serviceIds(value(out, "service_id")))
        .serviceConfigurations().getFirst();
    assertEquals(service.serviceName(), value(out, "service_name"));
    assertEquals(service.serviceName(), value(out, "service_name_by_filter"));
    assertEquals("service.provider-workflows.example", value(out, "service_private_dns_name"));
    assertEquals("verified", service.privateDnsNameConfiguration().stateAsString(), service.toString());
    assertEquals("com.amazonaws.us-east-1.s3", value(out, "s3_service_name"));
    var notification = aws.ec2().describeVpcEndpointConnectionNotifications(r -> r.connectionNotificationId(value(out, "notification_id")))
        .connectionNotificationSet().getFirst();
    assertEquals(service.serviceId(), notification.serviceId());

    VpcEndpoint endpoint = aws.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(value(out, "endpoint_id"))).vpcEndpoints().getFirst();
    assertEquals("available", endpoint.stateAsString());
    assertEquals(endpoint.subnetIds().stream().sorted().toList(), values(out, "endpoint_subnet_ids"));
    assertEquals(2, endpoint.subnetIds().size(), endpoint.toString());
    assertEquals(endpoint.groups().stream().map(g -> g.groupId()).sorted().toList(), values(out, "endpoint_security_group_ids"));
    assertEquals(endpoint.networkInterfaceIds().stream().sorted().toList(), values(out, "endpoint_eni_ids"));
    NetworkInterface eni = aws.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(values(out, "endpoint_eni_ids").getFirst()))
        .networkInterfaces().getFirst();
    assertEquals(eni.subnetId(), value(out, "endpoint_eni_subnet"));
    assertEquals("endpoint", value(out, "endpoint_security_group_name"));

    VpcEndpoint gateway = aws.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(value(out, "s3_gateway_id"))).vpcEndpoints().getFirst();
    assertEquals("Gateway", gateway.vpcEndpointTypeAsString());
    assertEquals(1, gateway.routeTableIds().size(), gateway.toString());
    assertTrue(gateway.policyDocument().contains("ReadOnly"), gateway.policyDocument());
    assertEquals("ReadOnly", value(out, "s3_gateway_policy"));

    var tls = aws.elb().describeListeners(r -> r.listenerArns(value(out, "tls_listener_arn"))).listeners().getFirst();
    assertEquals("TLS", tls.protocolAsString());
    assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", tls.sslPolicy());
    assertEquals(1, tls.certificates().size(), tls.toString());
    assertEquals("UDP", aws.elb().describeListeners(r -> r.listenerArns(value(out, "udp_listener_arn"))).listeners().getFirst().protocolAsString());
  }

  @Test
  @Order(2)
  void aPlanRightAfterTheApplyHasNothingToChange() throws Exception {
    TerraformWorkspace.Result plan = workflows.run(LIMIT, "plan", "-detailed-exitcode", "-input=false");
    assertEquals(0, plan.exitCode(), plan.describe());
  }

  @Test
  @Order(3)
  void destroyLeavesNoVpcButTheDefaultAndNoEni() throws Exception {
    List<String> vpcs = new ArrayList<>(ourVpcs().stream().map(Vpc::vpcId).toList());
    assertEquals(1, vpcs.size(), "the consumer VPC before destroy: " + vpcs);

    workflows.succeed(LIMIT, "destroy", "-auto-approve", "-input=false");
    workflows.destroyed();

    assertEquals(List.of(), ourVpcs(), "no VPC but the default one");
    assertEquals(List.of(), aws.ec2().describeNetworkInterfaces().networkInterfaces(), "no ENI");
    assertEquals(List.of(), aws.ec2().describeVpcEndpoints().vpcEndpoints(), "no endpoint");
    assertEquals(List.of(), aws.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations(), "no endpoint service");
    assertEquals(List.of(), aws.elb().describeLoadBalancers().loadBalancers(), "no load balancer");
    assertEquals(1, aws.ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().size(),
        "the default VPC stays (aws_default_vpc leaves it)");
  }

  private static List<Vpc> ourVpcs() {
    return aws.ec2().describeVpcs().vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).toList();
  }

  private static String value(JsonNode outputs, String name) {
    return outputs.get(name).get("value").asText();
  }

  private static List<String> values(JsonNode outputs, String name) {
    List<String> values = new ArrayList<>();
    outputs.get(name).get("value").forEach(v -> values.add(v.asText()));
    return values;
  }
}
