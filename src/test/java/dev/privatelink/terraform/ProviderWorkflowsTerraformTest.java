package dev.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.model.SslPolicies;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * The PrivateLink workflows of a provider team and its consumers as they write them in Terraform,
 * through {@code privatelink terraform}, one account, with the data plane: the default VPC's data source and {@code aws_default_*} resources; an NLB in the default subnets
 * behind an endpoint service with a verified private DNS name and a connection notification; the
 * data sources {@code aws_vpc_endpoint_service} (by name, by filter), {@code aws_vpc_endpoint},
 * {@code aws_network_interfaces}/{@code aws_network_interface}, {@code aws_lb},
 * {@code aws_security_group}; an interface endpoint whose subnets and security group come from
 * association resources; the NLB's TLS listener (an imported ACM certificate, an ELBSecurityPolicy)
 * a UDP and a TCP_UDP listener; a second NLB that gains a zone in place (SetSubnets); an S3 gateway endpoint with a route table and an endpoint policy. The
 * outputs equal the SDK's view; the traffic flows (a TLS handshake with the NLB presents the ACM
 * certificate and negotiates a version and cipher of the policy, a UDP datagram is echoed by a real
 * target, and the TCP_UDP listener carries both protocols on one port, nginx answers a curl through the interface endpoint); a plan after has nothing to change;
 * destroy leaves nothing, no namespace either.
 */
@NetnsTest
@TerraformTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Alongside the other Terraform classes and the rest of the suite (it has its own cloud, workspace
// and account); its steps stay in order, one after another, on the class's thread.
@Execution(ExecutionMode.CONCURRENT)
class ProviderWorkflowsTerraformTest {
  private static final Duration LIMIT = Duration.ofMinutes(12);
  private static final String ACCOUNT = "424242424242";
  private static final String POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
  private static final String SNI = "tls.provider-workflows.example";
  private static final Duration TRAFFIC = Duration.ofSeconds(120);

  @RegisterExtension
  @Order(1)
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();

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
    workflows.write("l4-echo.py", resource("/dev/privatelink/privatelink/l4-echo.py"));
    workflows.succeed(LIMIT, "init", "-input=false");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(1)
  void applyBuildsTheWorkflowsAndTheOutputsAreWhatTheSdkSees() throws Exception {
    workflows.succeed(LIMIT, "apply", "-auto-approve", "-input=false", "-var", "grow_zones=1");
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
    assertEquals("TCP_UDP", aws.elb().describeListeners(r -> r.listenerArns(value(out, "tcp_udp_listener_arn"))).listeners()
        .getFirst().protocolAsString());
    assertEquals(1, grow().availabilityZones().size(), grow().toString());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(2)
  void aSubnetAddedToAnNlbIsAddedInPlaceAndItsNewNodeCarriesTraffic() throws Exception {
    String arn = grow().loadBalancerArn();
    TerraformWorkspace.Result apply = workflows.succeed(LIMIT, "apply", "-auto-approve", "-input=false");
    assertTrue(apply.output().contains("0 added, 1 changed, 0 destroyed"), apply.describe());
    LoadBalancer grown = grow();
    assertEquals(arn, grown.loadBalancerArn(), "the same load balancer");
    assertEquals(List.of("us-east-1a", "us-east-1b"), grown.availabilityZones().stream().map(z -> z.zoneName()).sorted().toList());
    String nodeB = aws.ec2().describeNetworkInterfaces(r -> r.filters(
        Filter.builder().name("description").values("ELB " + arn.substring(arn.indexOf(":loadbalancer/") + 14)).build(),
        Filter.builder().name("availability-zone").values("us-east-1b").build())).networkInterfaces().getFirst().privateIpAddress();
    String reply = probe("client", s -> s.startsWith("tcp from "), "tcp", nodeB, "8443");
    assertTrue(reply.startsWith("tcp from "), "the new node in us-east-1b reaches the target in us-east-1a: " + reply);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(3)
  void theNlbTerminatesTlsWithTheAcmCertificateAndAVersionAndCipherOfThePolicy() throws Exception {
    String nlb = aws.elb().describeLoadBalancers(r -> r.names("provider-service")).loadBalancers().getFirst().dnsName();
    String reply = probe("client", s -> s.startsWith("TLSv1."), "tls", nlb, "443", SNI, "1.2", "1.3");
    String[] parts = reply.split(" ", 4);
    SslPolicies.Policy policy = SslPolicies.find(POLICY).orElseThrow();
    assertEquals("TLSv1.3", parts[0], "the policy allows TLS 1.3 and the client prefers it: " + reply);
    assertTrue(policy.ciphers().contains(parts[1]), "a cipher of " + POLICY + ": " + reply);
    assertEquals("names=True", parts[2], "the imported ACM certificate: " + reply);
    assertTrue(parts[3].startsWith("first=tcp from "), "the plaintext reached the target behind the listener: " + reply);

    String tls12 = probe("client", s -> s.startsWith("TLSv1."), "tls", nlb, "443", SNI, "1.2", "1.2");
    assertTrue(tls12.startsWith("TLSv1.2 "), tls12);
    assertTrue(policy.ciphers().contains(tls12.split(" ")[1]), "a TLS 1.2 cipher of " + POLICY + ": " + tls12);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(4)
  void datagramsAreEchoedThroughTheUdpAndTcpUdpListenersAndTcpCrossesTheTcpUdpOne() throws Exception {
    String nlb = aws.elb().describeLoadBalancers(r -> r.names("provider-service")).loadBalancers().getFirst().dnsName();
    String reply = probe("client", s -> s.startsWith("udp:"), "udp", nlb, "53", "ping");
    assertTrue(reply.startsWith("udp:ping from ") && reply.endsWith(":53"), "the target's answer, from the listener: " + reply);
    String both = probe("client", s -> s.startsWith("udp:"), "udp", nlb, "54", "pong");
    assertTrue(both.startsWith("udp:pong from ") && both.endsWith(":54"), "UDP through the TCP_UDP listener: " + both);
    String stream = probe("client", s -> s.startsWith("tcp from "), "tcp", nlb, "54");
    assertTrue(stream.startsWith("tcp from "), "TCP through the same TCP_UDP listener port: " + stream);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(5)
  void nginxAnswersACurlThroughTheInterfaceEndpoint() throws Exception {
    JsonNode out = new ObjectMapper().readTree(workflows.succeed(LIMIT, "output", "-json").output());
    String name = out.get("endpoint_dns_names").get("value").get(0).asText();
    String page = TerraformTests.inInstanceUntil(CLOUD.dataDir(), instance("consumer"), List.of("curl", "-s", "-m", "5",
        "http://" + name + "/"), p -> p.contains("Welcome to nginx!"), TRAFFIC);
    assertTrue(page.contains("<title>Welcome to nginx!</title>"), name + ": " + page);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(6)
  void aPlanRightAfterTheApplyHasNothingToChange() throws Exception {
    TerraformWorkspace.Result plan = workflows.run(LIMIT, "plan", "-detailed-exitcode", "-input=false");
    assertEquals(0, plan.exitCode(), plan.describe());
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @Order(7)
  void destroyLeavesNoVpcButTheDefaultNoEniAndNoNamespace() throws Exception {
    List<String> ids = new ArrayList<>(ourVpcs().stream().map(Vpc::vpcId).toList());
    assertEquals(1, ids.size(), "the consumer VPC before destroy: " + ids);
    aws.ec2().describeInstances().reservations().forEach(r -> r.instances().forEach(i -> ids.add(i.instanceId())));
    assertEquals(4, ids.size(), "and three instances: " + ids);

    workflows.succeed(LIMIT, "destroy", "-auto-approve", "-input=false");
    workflows.destroyed();

    assertEquals(List.of(), ourVpcs(), "no VPC but the default one");
    assertEquals(List.of(), aws.ec2().describeNetworkInterfaces().networkInterfaces(), "no ENI");
    assertEquals(List.of(), aws.ec2().describeVpcEndpoints().vpcEndpoints(), "no endpoint");
    assertEquals(List.of(), aws.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations(), "no endpoint service");
    assertEquals(List.of(), aws.elb().describeLoadBalancers().loadBalancers(), "no load balancer");
    assertEquals(1, aws.ec2().describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().size(),
        "the default VPC stays (aws_default_vpc leaves it)");
    assertEquals(List.of(), TerraformTests.namespacesNaming(ids), "no namespace of the VPC and the instances");
  }

  /** Runs l4-probe.py in the instance named {@code name} until its answer satisfies {@code done}. */
  private static String probe(String name, Predicate<String> done, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("python3", "-c", resource("/dev/privatelink/privatelink/l4-probe.py")));
    command.addAll(List.of(args));
    return TerraformTests.inInstanceUntil(CLOUD.dataDir(), instance(name), command, done, TRAFFIC).strip();
  }

  private static LoadBalancer grow() {
    return aws.elb().describeLoadBalancers(r -> r.names("grow")).loadBalancers().getFirst();
  }

  private static String instance(String name) {
    return aws.ec2().describeInstances(r -> r.filters(Filter.builder().name("tag:Name").values(name).build(),
        Filter.builder().name("instance-state-name").values("running").build())).reservations().getFirst().instances()
        .getFirst().instanceId();
  }

  private static String resource(String path) throws java.io.IOException {
    try (InputStream in = ProviderWorkflowsTerraformTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
