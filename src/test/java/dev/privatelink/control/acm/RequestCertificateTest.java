package dev.privatelink.control.acm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.io.StringReader;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.acm.model.*;

class RequestCertificateTest {
  private final Cloud cloud = new Cloud();

  @SuppressWarnings("unchecked")
  private <T extends SdkResponse> T call(SdkRequest r) {
    return (T) cloud.call("111111111111", "us-east-1", "arn:aws:iam::111111111111:root", r);
  }

  private void fails(String code, SdkRequest r) {
    long before = cloud.version();
    AwsException e = assertThrows(AwsException.class, () -> call(r));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(before, cloud.version(), "a failed call changes nothing");
  }

  private String request(RequestCertificateRequest r) {
    return ((RequestCertificateResponse) call(r)).certificateArn();
  }

  private CertificateDetail describe(String arn) {
    return ((DescribeCertificateResponse) call(DescribeCertificateRequest.builder().certificateArn(arn).build())).certificate();
  }

  @Test
  void dnsValidatedCertificateIsIssuedAtOnceWithItsValidationRecords() {
    String arn = request(RequestCertificateRequest.builder().domainName("example.com")
        .subjectAlternativeNames("*.example.com", "api.example.org").validationMethod(ValidationMethod.DNS).build());
    assertTrue(arn.matches("arn:aws:acm:us-east-1:111111111111:certificate/[0-9a-f-]{36}"), arn);
    CertificateDetail d = describe(arn);
    assertEquals(CertificateStatus.ISSUED, d.status());
    assertEquals(CertificateType.AMAZON_ISSUED, d.type());
    assertEquals(List.of("example.com", "*.example.com", "api.example.org"), d.subjectAlternativeNames());
    assertEquals("RSA-2048", d.keyAlgorithmAsString());
    assertTrue(d.issuedAt() != null && d.importedAt() == null);
    List<DomainValidation> v = d.domainValidationOptions();
    assertEquals(3, v.size());
    ResourceRecord record = v.getFirst().resourceRecord();
    assertEquals(RecordType.CNAME, record.type());
    assertTrue(record.name().matches("_[0-9a-f]{32}\\.example\\.com\\."), record.name());
    assertTrue(record.value().matches("_[0-9a-f]{32}\\.[0-9a-z]{10}\\.acm-validations\\.aws\\."), record.value());
    assertEquals(record, v.get(1).resourceRecord(), "a name and its wildcard share one record");
    assertEquals(DomainStatus.SUCCESS, v.get(2).validationStatus());
    assertEquals(CertificateExport.DISABLED, d.options().export());
  }

  @Test
  void emailValidationListsTheAdministrativeAddressesOfTheValidationDomain() {
    String arn = request(RequestCertificateRequest.builder().domainName("shop.example.com")
        .domainValidationOptions(DomainValidationOption.builder().domainName("shop.example.com").validationDomain("example.com").build())
        .build());
    DomainValidation v = describe(arn).domainValidationOptions().getFirst();
    assertEquals(ValidationMethod.EMAIL, v.validationMethod());
    assertEquals("example.com", v.validationDomain());
    assertEquals(List.of("admin@example.com", "administrator@example.com", "hostmaster@example.com",
        "postmaster@example.com", "webmaster@example.com"), v.validationEmails());
    assertNull(v.resourceRecord());
    fails("InvalidDomainValidationOptionsException", RequestCertificateRequest.builder().domainName("shop.example.com")
        .domainValidationOptions(DomainValidationOption.builder().domainName("shop.example.com").validationDomain("other.com").build())
        .build());
    fails("InvalidStateException", ResendValidationEmailRequest.builder().certificateArn(arn).domain("shop.example.com")
        .validationDomain("example.com").build());
  }

  @Test
  void theIssuedCertificateIsRealAndItsKeyMatches() {
    String arn = request(RequestCertificateRequest.builder().domainName("app.example.com").validationMethod(ValidationMethod.DNS)
        .keyAlgorithm(KeyAlgorithm.EC_PRIME256_V1).build());
    var scope = new dev.privatelink.control.Scope("111111111111", "us-east-1");
    CertificateMaterial material = cloud.read(f -> f.acm().certificate(scope, arn).orElseThrow().material());
    CertificateMaterial parsed = CertificateParser.parse(material.certificatePem(), material.privateKeyPem(), material.chainPem(),
        java.time.Instant.now());
    assertEquals("app.example.com", parsed.domainName());
    assertEquals("EC-prime256v1", describe(arn).keyAlgorithmAsString());
    GetCertificateResponse got = call(GetCertificateRequest.builder().certificateArn(arn).build());
    assertEquals(material.certificatePem(), got.certificate());
    assertTrue(got.certificateChain().startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void onlyExportableCertificatesAreExportedWithAnEncryptedKey() throws Exception {
    String plain = request(RequestCertificateRequest.builder().domainName("a.example.com").validationMethod(ValidationMethod.DNS).build());
    SdkBytes passphrase = SdkBytes.fromUtf8String("correct horse");
    fails("ValidationException", ExportCertificateRequest.builder().certificateArn(plain).passphrase(passphrase).build());
    String exportable = request(RequestCertificateRequest.builder().domainName("b.example.com").validationMethod(ValidationMethod.DNS)
        .keyAlgorithm(KeyAlgorithm.EC_PRIME256_V1).options(CertificateOptions.builder().export(CertificateExport.ENABLED).build()).build());
    assertEquals(CertificateExport.ENABLED, describe(exportable).options().export());
    fails("ValidationException", ExportCertificateRequest.builder().certificateArn(exportable)
        .passphrase(SdkBytes.fromUtf8String("abc")).build());
    long before = cloud.version();
    ExportCertificateResponse out = call(ExportCertificateRequest.builder().certificateArn(exportable).passphrase(passphrase).build());
    assertEquals(before, cloud.version(), "an export is a read: nothing, not even its passphrase, is journaled");
    assertTrue(out.privateKey().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), out.privateKey());
    try (PEMParser parser = new PEMParser(new StringReader(out.privateKey()))) {
      var encrypted = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
      var info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
          .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build("correct horse".toCharArray()));
      assertEquals("1.2.840.10045.2.1", info.getPrivateKeyAlgorithm().getAlgorithm().getId(), "an EC key");
    }
    assertTrue(out.certificate().startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @Test
  void sameIdempotencyTokenGivesTheSameCertificate() {
    var r = RequestCertificateRequest.builder().domainName("example.com").validationMethod(ValidationMethod.DNS)
        .idempotencyToken("tok1").build();
    assertEquals(request(r), request(r));
    ListCertificatesResponse list = call(ListCertificatesRequest.builder().build());
    assertEquals(1, list.certificateSummaryList().size());
    assertEquals(CertificateType.AMAZON_ISSUED, list.certificateSummaryList().getFirst().type());
  }

  @Test
  void badRequestsAreRefused() {
    fails("ValidationException", RequestCertificateRequest.builder().domainName("not a domain").build());
    fails("ValidationException", RequestCertificateRequest.builder().domainName("example.com").keyAlgorithm(KeyAlgorithm.RSA_1024).build());
    fails("InvalidArnException", RequestCertificateRequest.builder().domainName("example.com").certificateAuthorityArn("nope").build());
    fails("ResourceNotFoundException", ResendValidationEmailRequest.builder()
        .certificateArn("arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000")
        .domain("example.com").validationDomain("example.com").build());
  }

  @Test
  void accountConfigurationKeepsDaysBeforeExpiry() {
    GetAccountConfigurationResponse initial = call(GetAccountConfigurationRequest.builder().build());
    assertEquals(45, initial.expiryEvents().daysBeforeExpiry());
    call(PutAccountConfigurationRequest.builder().idempotencyToken("t1")
        .expiryEvents(ExpiryEventsConfiguration.builder().daysBeforeExpiry(30).build()).build());
    GetAccountConfigurationResponse changed = call(GetAccountConfigurationRequest.builder().build());
    assertEquals(30, changed.expiryEvents().daysBeforeExpiry());
    fails("ValidationException", PutAccountConfigurationRequest.builder().idempotencyToken("t2")
        .expiryEvents(ExpiryEventsConfiguration.builder().daysBeforeExpiry(46).build()).build());
    fails("ValidationException", PutAccountConfigurationRequest.builder()
        .expiryEvents(ExpiryEventsConfiguration.builder().daysBeforeExpiry(10).build()).build());
  }

  @Test
  void optionsAreKeptAndUpdated() {
    String arn = request(RequestCertificateRequest.builder().domainName("ct.example.com").validationMethod(ValidationMethod.DNS)
        .options(CertificateOptions.builder().certificateTransparencyLoggingPreference(
            CertificateTransparencyLoggingPreference.DISABLED).build()).build());
    assertEquals(CertificateTransparencyLoggingPreference.DISABLED, describe(arn).options().certificateTransparencyLoggingPreference());
    call(UpdateCertificateOptionsRequest.builder().certificateArn(arn).options(CertificateOptions.builder()
        .certificateTransparencyLoggingPreference(CertificateTransparencyLoggingPreference.ENABLED)
        .export(CertificateExport.ENABLED).build()).build());
    CertificateDetail d = describe(arn);
    assertEquals(CertificateTransparencyLoggingPreference.ENABLED, d.options().certificateTransparencyLoggingPreference());
    assertEquals(CertificateExport.ENABLED, d.options().export());
  }
}
