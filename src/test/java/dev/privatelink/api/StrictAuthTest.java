package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.RawAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Strict mode: SigV4 signatures are verified against a credentials file, as AWS verifies them. */
class StrictAuthTest {
  static final Path CREDENTIALS = credentialsFile();

  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.strict(CREDENTIALS);

  private static Path credentialsFile() {
    try {
      Path file = Files.createTempFile("credentials", "");
      Files.writeString(file, "[provider]\naws_access_key_id = 111111111111\naws_secret_access_key = right-secret\n");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StsClient sts(String key, String secret) {
    return StsClient.builder().endpointOverride(CLOUD.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))).build();
  }

  @Test
  void resetAndViewsNeedAValidSignature() {
    RawAws raw = new RawAws(CLOUD.endpoint());
    var unsigned = raw.send("POST", "/moto-api/reset", null, null);
    assertEquals(403, unsigned.statusCode());
    assertTrue(unsigned.body().contains("<Code>MissingAuthenticationToken</Code>"), unsigned.body());
    var badSignature = raw.signed("POST", "/moto-api/reset", "111111111111", "wrong-secret", "ec2");
    assertEquals(403, badSignature.statusCode());
    assertTrue(badSignature.body().contains("SignatureDoesNotMatch"), badSignature.body());
    var unknownKey = raw.signed("GET", "/_privatelink/instances", "333333333333", "any", "ec2");
    assertEquals(401, unknownKey.statusCode());
    assertTrue(unknownKey.body().contains("AuthFailure"), unknownKey.body());
    assertEquals(403, raw.get("/_privatelink/notifications").statusCode());
    assertEquals(200, raw.signed("GET", "/_privatelink/instances", "111111111111", "right-secret", "ec2").statusCode());
    assertEquals(200, raw.signed("POST", "/moto-api/reset", "111111111111", "right-secret", "ec2").statusCode());
  }

  @Test
  void aCorrectlySignedRequestPasses() {
    try (StsClient sts = sts("111111111111", "right-secret")) {
      assertEquals("111111111111", sts.getCallerIdentity().account());
    }
    try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(CLOUD.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("111111111111", "right-secret"))).build()) {
      assertTrue(ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId().startsWith("vpc-"));
    }
  }

  @Test
  void aWrongSecretIsSignatureDoesNotMatch() {
    try (StsClient sts = sts("111111111111", "wrong-secret")) {
      StsException e = assertThrows(StsException.class, sts::getCallerIdentity);
      assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
      assertEquals(403, e.statusCode());
    }
  }

  @Test
  void anUnknownKeyIsRefusedWithNothingChanged() {
    CLOUD.quiesce();
    long before = CLOUD.cloud().cloud().version();
    try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(CLOUD.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("999999999999", "x"))).build()) {
      Ec2Exception e = assertThrows(Ec2Exception.class, () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")));
      assertEquals("AuthFailure", e.awsErrorDetails().errorCode());
    }
    assertEquals(before, CLOUD.cloud().cloud().version());
  }

  @Test
  void aForgedSignatureIsRefused() {
    var r = new RawAws(CLOUD.endpoint()).form("sts", "111111111111", "Action=GetCallerIdentity&Version=2011-06-15");
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("SignatureDoesNotMatch"), r.body());
    SdkServiceException.builder();
  }
}
