package dev.privatelink.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's whole system through the AWS SDK against the API (control plane only): every
 * resource made once, outputs in AWS's formats, and a second apply that finds everything.
 */
class SeedStackTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  @Test
  void appliesOnceThenFindsEverything() {
    CLOUD.reset();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    SeedOutputs outputs = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000",
        new Progress(new PrintStream(first, true, StandardCharsets.UTF_8)), false).apply();
    String log = first.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("+ aws_vpc.service"), log);
    assertTrue(log.contains("+ aws_vpc_endpoint.consumer_privatelink"), log);
    assertEquals(7, outputs.consumerEndpointDnsNames().size(), "regional name and one per zone of us-east-1's six");
    assertTrue(outputs.consumerEndpointDnsNames().getFirst().matches(
        "https://vpce-[0-9a-f]{17}-[a-z0-9]{8}\\.vpce-svc-[0-9a-f]{17}\\.us-east-1\\.vpce\\.amazonaws\\.com"),
        outputs.consumerEndpointDnsNames().getFirst());
    assertTrue(outputs.consumerEndpointDnsNames().get(1).matches(
        "https://vpce-[0-9a-f]{17}-[a-z0-9]{8}-us-east-1[a-f]\\.vpce-svc-[0-9a-f]{17}\\.us-east-1\\.vpce\\.amazonaws\\.com"),
        outputs.consumerEndpointDnsNames().get(1));
    assertTrue(outputs.albDnsName().startsWith("internal-service-alb-"), outputs.albDnsName());
    assertTrue(outputs.consumerPublicIp() != null && outputs.consumerPublicIp().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    long before = CLOUD.cloud().cloud().version();
    SeedOutputs again = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000",
        new Progress(new PrintStream(second, true, StandardCharsets.UTF_8)), false).apply();
    String log2 = second.toString(StandardCharsets.UTF_8);
    assertFalse(log2.contains("  + "), "a second apply creates nothing:\n" + log2);
    assertEquals(outputs.vpcEndpointId(), again.vpcEndpointId());
    assertEquals(outputs.consumerEndpointDnsNames(), again.consumerEndpointDnsNames());
    assertTrue(CLOUD.cloud().cloud().version() - before <= 2, "a second apply changes (almost) nothing");
    assertEquals(SEQUENTIAL_ORDER, addresses(log), "steps run at once, but print in the order of a sequential apply");
    assertEquals(SEQUENTIAL_ORDER, addresses(log2));
  }

  /** The addresses of the seed, in the order its Terraform lists them and a sequential apply made them. */
  private static final List<String> SEQUENTIAL_ORDER = sequentialOrder();

  private static List<String> sequentialOrder() {
    List<String> order = new ArrayList<>();
    for (String side : List.of("service", "consumer")) {
      order.add("aws_vpc." + side);
      for (int i = 0; i < 6; i++) {
        order.add("aws_subnet." + side + "[" + i + "]");
      }
      order.addAll(List.of("aws_internet_gateway." + side, "aws_route_table." + side, "aws_security_group." + side));
      if (side.equals("service")) {
        order.addAll(List.of("aws_vpc_security_group_ingress_rule.service_https",
            "aws_vpc_security_group_ingress_rule.service_http", "aws_vpc_security_group_egress_rule.service_all",
            "aws_key_pair.demo", "aws_instance.service", "aws_lb.service_alb", "aws_lb_target_group.service_alb",
            "aws_lb_target_group_attachment.service_alb", "aws_acm_certificate.service", "aws_lb_listener.service_alb",
            "aws_lb.service_nlb", "aws_lb_target_group.service_nlb", "aws_lb_listener.service_nlb",
            "aws_lb_target_group_attachment.service_nlb", "aws_vpc_endpoint_service.service",
            "aws_vpc_endpoint_service_allowed_principal.allowed_aws_accounts"));
      }
    }
    order.addAll(List.of("aws_vpc_security_group_ingress_rule.consumer_ssh",
        "aws_vpc_security_group_egress_rule.consumer_all", "aws_instance.consumer", "aws_security_group.consumer_privatelink",
        "aws_vpc_security_group_ingress_rule.consumer_privatelink_https",
        "aws_vpc_security_group_egress_rule.consumer_privatelink_all", "aws_vpc_endpoint.consumer_privatelink"));
    return List.copyOf(order);
  }

  private static List<String> addresses(String log) {
    return log.lines().filter(l -> l.matches("  [+=~] .*")).map(l -> l.substring(4).split(" ")[0]).toList();
  }
}
