package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.ElementPaths;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.MotoServer;
import dev.privatelink.testing.ResponseRecorder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * For every call the seed makes, the element paths of our response against moto's for the same
 * call. Every difference must be listed in docs/compatibility.md, where we say why we follow AWS;
 * a new, unlisted difference fails the test. The full comparison is written to
 * target/moto-shape-differences.txt.
 */
class MotoShapeTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  @RegisterExtension
  static final MotoServer MOTO = new MotoServer();

  @Test
  void everyDifferenceFromMotoIsDocumented() throws IOException {
    Run ours = run(CLOUD.endpoint());
    Run moto = run(MOTO.endpoint());
    assertEquals(Map.of(), ours.failures, "every seed call succeeds against privatelink-local");
    List<String> differences = new ArrayList<>();
    for (String op : new TreeSet<>(ours.bodies.keySet())) {
      if (!moto.bodies.containsKey(op) || moto.failures.containsKey(op)) {
        differences.add(op + ": moto fails: " + moto.failures.getOrDefault(op, "no response"));
        continue;
      }
      Set<String> a = ElementPaths.of(ours.bodies.get(op));
      Set<String> b = ElementPaths.of(moto.bodies.get(op));
      b.stream().filter(p -> !a.contains(p)).forEach(p -> differences.add(op + ": only moto has " + p));
      a.stream().filter(p -> !b.contains(p)).forEach(p -> differences.add(op + ": only we have " + p));
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/moto-shape-differences.txt"), differences);
    String documented = Files.readString(Path.of("docs/compatibility.md"));
    List<String> undocumented = differences.stream().filter(d -> !documented.contains(key(d))).toList();
    assertTrue(undocumented.isEmpty(), "differences from moto not in docs/compatibility.md:\n" + String.join("\n", undocumented));
  }

  /** The part of a difference the document must quote: the operation and the path (or "moto fails"). */
  static String key(String difference) {
    int colon = difference.indexOf(": moto fails");
    return colon > 0 ? difference.substring(0, colon + ": moto fails".length()) : difference;
  }

  record Run(Map<String, String> bodies, Map<String, String> failures) {}

  private static Run run(URI endpoint) {
    ResponseRecorder recorder = new ResponseRecorder();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "secret"));
    var config = ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build();
    var http = UrlConnectionHttpClient.create();
    try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
             .httpClient(http).overrideConfiguration(config).build();
         var elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
             .credentialsProvider(credentials).httpClient(http).overrideConfiguration(config).build();
         var acm = AcmClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
             .httpClient(http).overrideConfiguration(config).build();
         var sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
             .httpClient(http).overrideConfiguration(config).build()) {
      SeedCalls calls = new SeedCalls(ec2, elb, acm, sts);
      calls.run();
      return new Run(Map.copyOf(recorder.bodies()), Map.copyOf(calls.failures()));
    } finally {
      http.close();
    }
  }
}
