package dev.privatelink.privatelink;

import static dev.privatelink.privatelink.TwoAccountWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.acm.TestCertificates;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.model.SslPolicies;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * An NLB's TLS, UDP and TCP_UDP listeners in real namespaces, built through the AWS SDK: a target
 * instance whose user data starts TCP and UDP echo servers, and a client instance in the same VPC
 * that speaks TLS, UDP and TCP to the NLB node, as a user's code would.
 */
@NetnsTest
class NlbListenersEndToEndTest {
  static final String ACCOUNT = "111111111111";
  static final int TLS_PORT = 8443;
  static final int PLAIN = 8080;
  static final int UDP = 5353;
  static final int BOTH = 5354;

  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  static StackClients aws;
  static String client;
  static String targetIp;
  static String node;
  static String tlsListener;
  static String nlbArn;
  static String image;

  @BeforeAll
  static void build() throws Exception {
    aws = CLOUD.clients(ACCOUNT);
    var ec2 = aws.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
    String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("l4").description("l4")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule("tcp", PLAIN), rule("tcp", UDP), rule("udp", UDP),
        rule("tcp", BOTH), rule("udp", BOTH)));
    image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    String userData = userData();
    var target = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet)
        .securityGroupIds(sg).userData(userData)).instances().getFirst();
    targetIp = target.privateIpAddress();
    client = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet))
        .instances().getFirst().instanceId();
    var elb = aws.elb();
    String nlb = nlbArn = elb.createLoadBalancer(r -> r.name("l4").type("network").scheme("internal").subnets(subnet))
        .loadBalancers().getFirst().loadBalancerArn();
    Instant now = Instant.now();
    var pem = TestCertificates.rsa("svc.example", now.minusSeconds(60), now.plusSeconds(86400), true);
    String cert = aws.acm().importCertificate(r -> r.certificate(pem.certificateBytes()).privateKey(pem.keyBytes()))
        .certificateArn();
    String tcpGroup = group(vpc, "l4-tcp", ProtocolEnum.TCP, PLAIN, target.instanceId());
    tlsListener = elb.createListener(r -> r.loadBalancerArn(nlb).port(TLS_PORT).protocol(ProtocolEnum.TLS)
        .certificates(c -> c.certificateArn(cert)).defaultActions(d -> d.type("forward").targetGroupArn(tcpGroup)))
        .listeners().getFirst().listenerArn();
    String udpGroup = group(vpc, "l4-udp", ProtocolEnum.UDP, UDP, target.instanceId());
    elb.createListener(r -> r.loadBalancerArn(nlb).port(UDP).protocol(ProtocolEnum.UDP)
        .defaultActions(d -> d.type("forward").targetGroupArn(udpGroup)));
    String bothGroup = group(vpc, "l4-both", ProtocolEnum.TCP_UDP, BOTH, target.instanceId());
    elb.createListener(r -> r.loadBalancerArn(nlb).port(BOTH).protocol(ProtocolEnum.TCP_UDP)
        .defaultActions(d -> d.type("forward").targetGroupArn(bothGroup)));
    node = ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("interface-type").values("network_load_balancer")))
        .networkInterfaces().getFirst().privateIpAddress();
    await("the UDP target answers through the NLB", () -> probe("udp", node, UDP, "ready").startsWith("udp:ready"));
  }

  private static String group(String vpc, String name, ProtocolEnum protocol, int port, String instance) {
    var elb = aws.elb();
    String arn = elb.createTargetGroup(r -> r.name(name).protocol(protocol).port(port).vpcId(vpc).targetType("instance"))
        .targetGroups().getFirst().targetGroupArn();
    elb.registerTargets(r -> r.targetGroupArn(arn).targets(t -> t.id(instance).port(port)));
    return arn;
  }

  private static IpPermission rule(String protocol, int port) {
    return IpPermission.builder().ipProtocol(protocol).fromPort(port).toPort(port)
        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/16").build()).build();
  }

  private static String userData() throws IOException {
    String script = "#!/bin/sh\ncat > /tmp/l4-echo.py <<'PYEOF'\n" + TwoAccountWorld.resource("l4-echo.py") + "PYEOF\n"
        + "nohup python3 /tmp/l4-echo.py " + PLAIN + "," + UDP + "," + BOTH + " " + UDP + "," + BOTH
        + " > /tmp/l4-echo.log 2>&1 &\n";
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
  }

  private static String probe(String... args) {
    return run(client, args);
  }

  private static String probeFrom(String instance, String mode, String host, int port, String... rest) {
    List<String> args = new java.util.ArrayList<>(List.of(mode, host, Integer.toString(port)));
    args.addAll(List.of(rest));
    return run(instance, args.toArray(String[]::new));
  }

  private static String run(String instance, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("python3", "-c"));
    try {
      command.add(TwoAccountWorld.resource("l4-probe.py"));
      command.addAll(List.of(args));
      Process p = InstanceRuntime.execFromOutside(CLOUD.dataDir(), instance, command, false).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out;
    } catch (IOException | IllegalStateException e) {
      return "error: " + e.getMessage(); // an instance still booting: the callers wait and try again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String probe(String mode, String host, int port, String... rest) {
    List<String> args = new java.util.ArrayList<>(List.of(mode, host, Integer.toString(port)));
    args.addAll(List.of(rest));
    return probe(args.toArray(String[]::new));
  }

  @Test
  void theTlsListenerTerminatesWithTheAcmCertificateAndThePolicy() {
    String reply = probe("tls", node, TLS_PORT, "svc.example", "1.2", "1.3");
    String[] parts = reply.split(" ", 4);
    assertEquals("TLSv1.2", parts[0], "ELBSecurityPolicy-2016-08 stops at TLS 1.2: " + reply);
    assertTrue(SslPolicies.find(SslPolicies.DEFAULT).orElseThrow().ciphers().contains(parts[1]), "a cipher of the policy: " + reply);
    assertEquals("names=True", parts[2], "the ACM certificate: " + reply);
    assertTrue(parts[3].startsWith("first=tcp from "), "plaintext relayed to the target: " + reply);
    assertTrue(probe("tls", node, TLS_PORT, "svc.example", "1.3", "1.3").startsWith("tls-refused"),
        "ELBSecurityPolicy-2016-08 has no TLS 1.3");
    aws.elb().modifyListener(r -> r.listenerArn(tlsListener).sslPolicy("ELBSecurityPolicy-TLS13-1-3-2021-06"));
    await("the TLS 1.3-only policy applies", () -> probe("tls", node, TLS_PORT, "svc.example", "1.3", "1.3").startsWith("TLSv1.3 "));
    assertTrue(probe("tls", node, TLS_PORT, "svc.example", "1.2", "1.2").startsWith("tls-refused"));
  }

  @Test
  void udpIsEchoedFromTheListenerAddressAndTcpUdpCarriesBoth() {
    assertEquals("udp:ping from " + node + ":" + UDP, probe("udp", node, UDP, "ping"));
    assertEquals("udp:both from " + node + ":" + BOTH, probe("udp", node, BOTH, "both"));
    assertEquals("tcp from " + node, probe("tcp", node, BOTH));
  }

  @Test
  void anEndpointCarriesTheTlsListenerToTheNlbButNotUdp() {
    var ec2 = aws.ec2();
    var service = ec2.createVpcEndpointServiceConfiguration(r -> r.acceptanceRequired(false).networkLoadBalancerArns(nlbArn))
        .serviceConfiguration();
    ec2.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId()).addAllowedPrincipals("arn:aws:iam::" + ACCOUNT + ":root"));
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
    String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoint").description("endpoint")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
        IpPermission.builder().ipProtocol("tcp").fromPort(TLS_PORT).toPort(TLS_PORT).ipRanges(IpRange.builder().cidrIp("10.1.0.0/16").build()).build(),
        IpPermission.builder().ipProtocol("udp").fromPort(UDP).toPort(UDP).ipRanges(IpRange.builder().cidrIp("10.1.0.0/16").build()).build()));
    String consumer = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet))
        .instances().getFirst().instanceId();
    String endpoint = ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc).serviceName(service.serviceName())
        .subnetIds(subnet).securityGroupIds(sg)).vpcEndpoint().vpcEndpointId();
    await("endpoint available", () -> "available".equals(ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint))
        .vpcEndpoints().getFirst().stateAsString()));
    String eni = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint)).vpcEndpoints().getFirst().networkInterfaceIds().getFirst();
    String eniIp = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().getFirst().privateIpAddress();
    await("the TLS listener through the endpoint", () -> probeFrom(consumer, "tls", eniIp, TLS_PORT, "svc.example", "1.2", "1.3")
        .startsWith("TLSv1."));
    String reply = probeFrom(consumer, "tls", eniIp, TLS_PORT, "svc.example", "1.2", "1.3");
    assertTrue(reply.contains(" names=True first=tcp from "), "terminated by the NLB with the ACM certificate: " + reply);
    assertEquals("timeout", probeFrom(consumer, "udp", eniIp, UDP, "ping"), "interface endpoints carry TCP only");
  }
}
