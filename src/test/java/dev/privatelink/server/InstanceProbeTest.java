package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.RawAws;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probe route's refusals, before anything runs in an instance: no credentials, an instance of
 * another account, a host or port that is not one, a missing parameter. Each is AWS's error.
 */
class InstanceProbeTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  final RawAws raw = new RawAws(CLOUD.endpoint());

  @Test
  void refusalsAreAwsErrors() throws Exception {
    var ec2 = CLOUD.clients("111111111111").ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    String image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst().instanceId();
    String token = LocalToken.read(CLOUD.dataDir());

    assertEquals(403, raw.send("POST", "/_privatelink/probe?instance=" + id + "&host=a&port=443", null, null).statusCode());
    HttpResponse<String> foreign = raw.send("POST", "/_privatelink/probe?account=222222222222&instance=" + id
        + "&host=a.example&port=443", "X-Privatelink-Token", token);
    assertEquals(400, foreign.statusCode());
    assertTrue(foreign.body().contains("InvalidInstanceID.NotFound"), foreign.body());
    HttpResponse<String> badHost = raw.send("POST", "/_privatelink/probe?instance=" + id + "&host=a%3Brm&port=443",
        "X-Privatelink-Token", token);
    assertEquals(400, badHost.statusCode());
    assertTrue(badHost.body().contains("InvalidParameterValue"), badHost.body());
    HttpResponse<String> missing = raw.send("POST", "/_privatelink/probe?instance=" + id, "X-Privatelink-Token", token);
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("MissingParameter"), missing.body());
  }
}
