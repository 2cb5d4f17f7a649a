package dev.privatelink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class JsonCodecTest {
  private final JsonCodec acm = new JsonCodec("acm");

  @Test
  void blobsAreBase64AndTimestampsEpochSeconds() {
    var request = JsonCodec.parse("{\"Certificate\":\"QUJD\",\"PrivateKey\":\"REVG\"}".getBytes(StandardCharsets.UTF_8));
    ImportCertificateRequest r = acm.decode(ImportCertificateRequest.class, request);
    assertEquals("ABC", r.certificate().asUtf8String());
    var out = acm.encode(DescribeCertificateResponse.builder().certificate(CertificateDetail.builder()
        .notAfter(Instant.ofEpochSecond(1700000000, 500_000_000)).build()).build());
    assertEquals("{\"Certificate\":{\"NotAfter\":1700000000.5}}", out.toString());
  }

  @Test
  void missingRequiredAndWrongTypesAreErrors() {
    assertEquals(WireException.Kind.MISSING, assertThrows(WireException.class, () -> acm.decode(ImportCertificateRequest.class,
        JsonCodec.parse("{\"Certificate\":\"QUJD\"}".getBytes(StandardCharsets.UTF_8)))).kind());
    assertEquals(WireException.Kind.MALFORMED, assertThrows(WireException.class, () -> acm.decode(ImportCertificateRequest.class,
        JsonCodec.parse("{\"Certificate\":5,\"PrivateKey\":\"QQ==\"}".getBytes(StandardCharsets.UTF_8)))).kind());
    assertEquals(WireException.Kind.MALFORMED, assertThrows(WireException.class,
        () -> JsonCodec.parse("{not json".getBytes(StandardCharsets.UTF_8))).kind());
  }

  @Test
  void roundTripsEc2RequestsForTheJournal() {
    var codec = new JsonCodec("ec2");
    CreateVpcRequest original = CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").tagSpecifications(TagSpecification
        .builder().resourceType(ResourceType.VPC).tags(t -> t.key("Name").value("x")).build()).build();
    assertEquals(original, codec.decode(CreateVpcRequest.class, codec.encode(original)));
    SdkBytes.fromUtf8String("unused");
  }
}
