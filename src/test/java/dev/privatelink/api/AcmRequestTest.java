package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.model.CertificateExport;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.InvalidStateException;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.ValidationException;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/** ACM's requested certificates through the SDK: issued at once, served by a listener, exported when allowed. */
class AcmRequestTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients aws;

  @BeforeEach
  void clients() {
    CLOUD.reset();
    aws = CLOUD.clients("111111111111");
  }

  @Test
  void aRequestedCertificateIsIssuedAndServedByAnHttpsListener() {
    String arn = aws.acm().requestCertificate(r -> r.domainName("app.example.com").validationMethod(ValidationMethod.DNS))
        .certificateArn();
    var d = aws.acm().describeCertificate(r -> r.certificateArn(arn)).certificate();
    assertEquals(CertificateStatus.ISSUED, d.status());
    assertEquals(CertificateType.AMAZON_ISSUED, d.type());
    assertEquals(RecordType.CNAME, d.domainValidationOptions().getFirst().resourceRecord().type());
    assertTrue(d.domainValidationOptions().getFirst().resourceRecord().name().endsWith(".app.example.com."));

    var ec2 = aws.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
    String lb = aws.elb().createLoadBalancer(r -> r.name("web").type("application").scheme("internal").subnets(a, b))
        .loadBalancers().getFirst().loadBalancerArn();
    String tg = aws.elb().createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId(vpc)).targetGroups().getFirst()
        .targetGroupArn();
    aws.elb().createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443).certificates(c -> c.certificateArn(arn))
        .defaultActions(x -> x.type("forward").targetGroupArn(tg)));
    var inUse = aws.acm().describeCertificate(r -> r.certificateArn(arn)).certificate();
    assertEquals(java.util.List.of(lb), inUse.inUseBy());
    assertTrue(aws.acm().getCertificate(r -> r.certificateArn(arn)).certificate().startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void exportNeedsAnExportableCertificate() {
    String plain = aws.acm().requestCertificate(r -> r.domainName("a.example.com").validationMethod(ValidationMethod.DNS))
        .certificateArn();
    SdkBytes passphrase = SdkBytes.fromUtf8String("s3cret-phrase");
    assertThrows(ValidationException.class, () -> aws.acm().exportCertificate(r -> r.certificateArn(plain).passphrase(passphrase)));
    String exportable = aws.acm().requestCertificate(r -> r.domainName("b.example.com").validationMethod(ValidationMethod.DNS)
        .options(o -> o.export(CertificateExport.ENABLED))).certificateArn();
    var out = aws.acm().exportCertificate(r -> r.certificateArn(exportable).passphrase(passphrase));
    assertTrue(out.privateKey().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertTrue(out.certificateChain().startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void emailValidationAndAccountConfiguration() {
    String arn = aws.acm().requestCertificate(r -> r.domainName("mail.example.com")).certificateArn();
    var v = aws.acm().describeCertificate(r -> r.certificateArn(arn)).certificate().domainValidationOptions().getFirst();
    assertEquals(ValidationMethod.EMAIL, v.validationMethod());
    assertTrue(v.validationEmails().contains("admin@mail.example.com"));
    assertThrows(InvalidStateException.class, () -> aws.acm().resendValidationEmail(r -> r.certificateArn(arn)
        .domain("mail.example.com").validationDomain("mail.example.com")));
    aws.acm().putAccountConfiguration(r -> r.idempotencyToken("once").expiryEvents(e -> e.daysBeforeExpiry(14)));
    assertEquals(14, aws.acm().getAccountConfiguration(r -> { }).expiryEvents().daysBeforeExpiry());
  }
}
