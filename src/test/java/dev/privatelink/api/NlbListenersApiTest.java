package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.acm.TestCertificates;
import dev.privatelink.testing.LocalCloudExtension;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * NLB TLS, UDP and TCP_UDP listeners and their target groups through the AWS SDK (ELBv2 Query over
 * HTTP with SigV4): AWS's shapes, defaults and error codes.
 */
class NlbListenersApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  static ElasticLoadBalancingV2Client elb;
  static String vpc;
  static String nlb;
  static String certificate;
  static String sni;

  @BeforeAll
  static void network() throws Exception {
    var clients = CLOUD.clients("111111111111");
    Ec2Client ec2 = clients.ec2();
    elb = clients.elb();
    vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    nlb = elb.createLoadBalancer(r -> r.name("svc").type(LoadBalancerTypeEnum.NETWORK).scheme("internal").subnets(subnet))
        .loadBalancers().getFirst().loadBalancerArn();
    Instant now = Instant.now();
    var pem = TestCertificates.rsa("svc.example", now.minusSeconds(60), now.plusSeconds(86400), true);
    certificate = clients.acm().importCertificate(r -> r.certificate(pem.certificateBytes()).privateKey(pem.keyBytes()))
        .certificateArn();
    var other = TestCertificates.rsa("api.svc.example", now.minusSeconds(60), now.plusSeconds(86400), false);
    sni = clients.acm().importCertificate(r -> r.certificate(other.certificateBytes()).privateKey(other.keyBytes()))
        .certificateArn();
  }

  private static String group(String name, ProtocolEnum protocol, int port) {
    return elb.createTargetGroup(r -> r.name(name).protocol(protocol).port(port).vpcId(vpc).targetType("ip"))
        .targetGroups().getFirst().targetGroupArn();
  }

  private static Action forward(String group) {
    return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(group).build();
  }

  private static void fails(String code, Runnable call) {
    ElasticLoadBalancingV2Exception e = assertThrows(ElasticLoadBalancingV2Exception.class, call::run);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
  }

  private static Listener create(Consumer<CreateListenerRequest.Builder> r) {
    return elb.createListener(b -> r.accept(b.loadBalancerArn(nlb))).listeners().getFirst();
  }

  @Test
  void aTlsListenerNeedsACertificateAndShowsItWithItsPolicies() {
    String tcp = group("tls-tcp", ProtocolEnum.TCP, 8080);
    fails("ValidationError", () -> create(r -> r.protocol(ProtocolEnum.TLS).port(443).defaultActions(forward(tcp))));
    fails("CertificateNotFound", () -> create(r -> r.protocol(ProtocolEnum.TLS).port(443).defaultActions(forward(tcp))
        .certificates(c -> c.certificateArn("arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-4000-8000-000000000000"))));
    fails("SSLPolicyNotFound", () -> create(r -> r.protocol(ProtocolEnum.TLS).port(443).defaultActions(forward(tcp))
        .certificates(c -> c.certificateArn(certificate)).sslPolicy("ELBSecurityPolicy-Nope")));
    Listener l = create(r -> r.protocol(ProtocolEnum.TLS).port(443).defaultActions(forward(tcp))
        .certificates(c -> c.certificateArn(certificate)).alpnPolicy("HTTP2Preferred"));
    assertEquals(ProtocolEnum.TLS, l.protocol());
    assertEquals("ELBSecurityPolicy-2016-08", l.sslPolicy(), "AWS's default policy");
    assertEquals(List.of("HTTP2Preferred"), l.alpnPolicy());
    assertEquals(List.of(certificate), l.certificates().stream().map(Certificate::certificateArn).toList());

    Listener modified = elb.modifyListener(r -> r.listenerArn(l.listenerArn()).sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06"))
        .listeners().getFirst();
    assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", modified.sslPolicy());
    assertEquals(List.of("HTTP2Preferred"), modified.alpnPolicy(), "kept when not given");
    Listener described = elb.describeListeners(r -> r.listenerArns(l.listenerArn())).listeners().getFirst();
    assertEquals(modified, described);

    elb.addListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(certificate)));
    assertEquals(List.of(true), elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn())).certificates()
        .stream().map(Certificate::isDefault).toList(), "the default certificate is not added twice");
    elb.addListenerCertificates(r -> r.listenerArn(l.listenerArn()).certificates(c -> c.certificateArn(sni)));
    List<Certificate> certs = elb.describeListenerCertificates(r -> r.listenerArn(l.listenerArn())).certificates();
    assertEquals(List.of(certificate, sni), certs.stream().map(Certificate::certificateArn).toList());
    assertEquals(List.of(true, false), certs.stream().map(Certificate::isDefault).toList(), "an SNI certificate");
    elb.deleteListener(r -> r.listenerArn(l.listenerArn()));
  }

  @Test
  void listenerAndTargetGroupProtocolsMustFit() {
    String udp = group("fit-udp", ProtocolEnum.UDP, 53);
    String tcpUdp = group("fit-tcpudp", ProtocolEnum.TCP_UDP, 53);
    fails("IncompatibleProtocols", () -> create(r -> r.protocol(ProtocolEnum.TLS).port(8443).defaultActions(forward(udp))
        .certificates(c -> c.certificateArn(certificate))));
    fails("IncompatibleProtocols", () -> create(r -> r.protocol(ProtocolEnum.TCP_UDP).port(53).defaultActions(forward(udp))));
    fails("ValidationError", () -> create(r -> r.protocol(ProtocolEnum.UDP).port(53).defaultActions(forward(udp))
        .certificates(c -> c.certificateArn(certificate))));
    Listener u = create(r -> r.protocol(ProtocolEnum.UDP).port(53).defaultActions(forward(udp)));
    assertNull(u.sslPolicy());
    assertTrue(u.certificates().isEmpty());
    elb.deleteListener(r -> r.listenerArn(u.listenerArn()));
    Listener both = create(r -> r.protocol(ProtocolEnum.TCP_UDP).port(53).defaultActions(forward(tcpUdp)));
    assertEquals(ProtocolEnum.TCP_UDP, both.protocol());
    elb.deleteListener(r -> r.listenerArn(both.listenerArn()));
  }

  @Test
  void udpTargetGroupsCheckHealthOverTcpOrHttpAndRefuseProxyProtocol() {
    fails("ValidationError", () -> elb.createTargetGroup(r -> r.name("hc-udp").protocol(ProtocolEnum.UDP).port(53)
        .vpcId(vpc).healthCheckProtocol(ProtocolEnum.UDP)));
    TargetGroup g = elb.createTargetGroup(r -> r.name("hc-udp").protocol(ProtocolEnum.UDP).port(53).vpcId(vpc))
        .targetGroups().getFirst();
    assertEquals(ProtocolEnum.TCP, g.healthCheckProtocol(), "AWS checks UDP groups over TCP by default");
    assertEquals("traffic-port", g.healthCheckPort());
    fails("InvalidConfigurationRequest", () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(g.targetGroupArn())
        .attributes(a -> a.key("proxy_protocol_v2.enabled").value("true"))));
    fails("InvalidConfigurationRequest", () -> elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(g.targetGroupArn())
        .attributes(a -> a.key("preserve_client_ip.enabled").value("false"))));
    assertEquals("false", elb.describeTargetGroupAttributes(r -> r.targetGroupArn(g.targetGroupArn())).attributes().stream()
        .filter(a -> a.key().equals("proxy_protocol_v2.enabled")).findFirst().orElseThrow().value());
    String tls = group("pp-tls", ProtocolEnum.TLS, 443);
    elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tls).attributes(a -> a.key("proxy_protocol_v2.enabled").value("true")));
  }
}
