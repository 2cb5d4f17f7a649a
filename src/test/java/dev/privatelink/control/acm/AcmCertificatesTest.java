package dev.privatelink.control.acm;

import static org.junit.jupiter.api.Assertions.*;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.acm.model.*;

class AcmCertificatesTest {
  private final Cloud cloud = new Cloud();
  private final Instant now = Instant.now();

  @SuppressWarnings("unchecked")
  private <T extends SdkResponse> T call(SdkRequest r) {
    return (T) cloud.call("111111111111", "us-east-1", "arn:aws:iam::111111111111:root", r);
  }

  private String importCert(TestCertificates.Pem pem) {
    ImportCertificateResponse r = call(ImportCertificateRequest.builder().certificate(pem.certificateBytes())
        .privateKey(pem.keyBytes()).tags(Tag.builder().key("env").value("test").build()).build());
    return r.certificateArn();
  }

  @Test
  void importedRsaCertificateIsDescribedFromItsContents() throws Exception {
    var pem = TestCertificates.rsa("example.com", now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS), true);
    String arn = importCert(pem);
    assertTrue(arn.matches("arn:aws:acm:us-east-1:111111111111:certificate/[0-9a-f-]{36}"), arn);
    CertificateDetail d = ((DescribeCertificateResponse) call(DescribeCertificateRequest.builder().certificateArn(arn).build())).certificate();
    assertEquals("example.com", d.domainName());
    assertEquals(List.of("example.com", "www.example.com"), d.subjectAlternativeNames());
    assertEquals("RSA-2048", d.keyAlgorithmAsString());
    assertEquals("SHA256WITHRSA", d.signatureAlgorithm());
    assertEquals("IMPORTED", d.typeAsString());
    assertEquals("ISSUED", d.statusAsString());
    assertEquals("10:92", d.serial());
    assertTrue(d.inUseBy().isEmpty());
    GetCertificateResponse got = call(GetCertificateRequest.builder().certificateArn(arn).build());
    assertEquals(pem.certificate(), got.certificate());
    ListTagsForCertificateResponse tags = call(ListTagsForCertificateRequest.builder().certificateArn(arn).build());
    assertEquals("test", tags.tags().getFirst().value());
    ListCertificatesResponse list = call(ListCertificatesRequest.builder().build());
    assertEquals(arn, list.certificateSummaryList().getFirst().certificateArn());
  }

  @Test
  void reimportKeepsTheArnAndEcKeysAreAccepted() throws Exception {
    String arn = importCert(TestCertificates.rsa("a.example", now.minusSeconds(60), now.plusSeconds(86400), false));
    var ec = TestCertificates.ec("b.example", now.minusSeconds(60), now.plusSeconds(86400));
    ImportCertificateResponse again = call(ImportCertificateRequest.builder().certificateArn(arn)
        .certificate(ec.certificateBytes()).privateKey(ec.keyBytes()).build());
    assertEquals(arn, again.certificateArn());
    DescribeCertificateResponse d = call(DescribeCertificateRequest.builder().certificateArn(arn).build());
    assertEquals("b.example", d.certificate().domainName());
    assertEquals("EC-prime256v1", d.certificate().keyAlgorithmAsString());
  }

  @Test
  void badMaterialIsRejectedAndNothingIsStored() throws Exception {
    var one = TestCertificates.rsa("a.example", now.minusSeconds(60), now.plusSeconds(86400), true);
    var other = TestCertificates.rsa("b.example", now.minusSeconds(60), now.plusSeconds(86400), true);
    fails("ValidationException", ImportCertificateRequest.builder().certificate(one.certificateBytes())
        .privateKey(other.keyBytes()).build());
    fails("ValidationException", ImportCertificateRequest.builder().certificate(SdkBytes.fromUtf8String("junk"))
        .privateKey(one.keyBytes()).build());
    // Found by FuzzTest: bytes that are not UTF-8 were an InternalError.
    fails("ValidationException", ImportCertificateRequest.builder()
        .certificate(SdkBytes.fromByteArray(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})).privateKey(one.keyBytes()).build());
    fails("ValidationException", ImportCertificateRequest.builder().certificate(one.certificateBytes())
        .privateKey(SdkBytes.fromByteArray(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00})).build());
    var expired = TestCertificates.rsa("old.example", now.minusSeconds(86400 * 10), now.minusSeconds(86400), true);
    fails("ValidationException", ImportCertificateRequest.builder().certificate(expired.certificateBytes())
        .privateKey(expired.keyBytes()).build());
    fails("ResourceNotFoundException", DescribeCertificateRequest.builder()
        .certificateArn("arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-4000-8000-000000000000").build());
    fails("InvalidArnException", DescribeCertificateRequest.builder().certificateArn("nope").build());
    ListCertificatesResponse list = call(ListCertificatesRequest.builder().build());
    assertTrue(list.certificateSummaryList().isEmpty());
  }

  @Test
  void deleteRemovesTheCertificate() throws Exception {
    String arn = importCert(TestCertificates.rsa("a.example", now.minusSeconds(60), now.plusSeconds(86400), true));
    call(DeleteCertificateRequest.builder().certificateArn(arn).build());
    fails("ResourceNotFoundException", GetCertificateRequest.builder().certificateArn(arn).build());
  }

  private void fails(String code, SdkRequest r) {
    AwsException e = assertThrows(AwsException.class, () -> call(r));
    assertEquals(code, e.code(), e.getMessage());
  }
}
