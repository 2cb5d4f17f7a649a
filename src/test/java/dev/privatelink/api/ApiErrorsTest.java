package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.RawAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input over the wire gets AWS's error shape and status, never a 500 or a stack trace. */
class ApiErrorsTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();

  private RawAws raw() {
    return new RawAws(CLOUD.endpoint());
  }

  @Test
  void unsignedRequestIsRefused() {
    var r = raw().post("Action=DescribeVpcs&Version=2016-11-15", "application/x-www-form-urlencoded", null, null);
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("<Code>MissingAuthenticationToken</Code>"), r.body());
    assertTrue(r.body().startsWith("<?xml") && r.body().contains("<Response><Errors>"), "EC2's error shape: " + r.body());
  }

  @Test
  void unknownActionIsInvalidAction() {
    var r = raw().form("ec2", "111111111111", "Action=MakeCoffee&Version=2016-11-15");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("<Code>InvalidAction</Code>"), r.body());
    assertTrue(r.body().contains("<RequestID>"), r.body());
  }

  @Test
  void missingActionIsMissingAction() {
    var r = raw().form("ec2", "111111111111", "Version=2016-11-15");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("<Code>MissingAction</Code>"), r.body());
  }

  @Test
  void malformedFormEncodingIsRefused() {
    var r = raw().form("elasticloadbalancing", "111111111111", "Action=DescribeLoadBalancers&Names.member.1=%zz");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("<ErrorResponse") && r.body().contains("<Code>MalformedQueryString</Code>"), r.body());
  }

  @Test
  void oversizedBodyIsRefused() {
    var r = raw().form("ec2", "111111111111", "Action=DescribeVpcs&X=" + "a".repeat(ApiServer.MAX_BODY + 10));
    assertEquals(413, r.statusCode());
    assertTrue(r.body().contains("RequestEntityTooLarge"), r.body());
  }

  @Test
  void malformedJsonGetsSerializationException() {
    var r = raw().post("{nope", "application/x-amz-json-1.1", RawAws.authorization("111111111111", "acm"),
        "CertificateManager.ListCertificates");
    assertFalse(r.statusCode() >= 500, r.body());
    assertTrue(r.body().contains("\"__type\""), r.body());
  }

  @Test
  void unknownJsonOperation() {
    var r = raw().post("{}", "application/x-amz-json-1.1", RawAws.authorization("111111111111", "acm"),
        "CertificateManager.BrewTea");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("UnknownOperationException"), r.body());
  }

  @Test
  void healthAnswers() {
    var r = raw().get("/_privatelink/health");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"status\":\"running\""), r.body());
  }
}
