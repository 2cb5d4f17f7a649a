package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.privatelink.testing.PrivateLinkFixtures.allow;
import static dev.privatelink.testing.PrivateLinkFixtures.endpoint;
import static dev.privatelink.testing.PrivateLinkFixtures.service;
import static dev.privatelink.testing.PrivateLinkFixtures.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.LocalToken;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.RawAws;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * One account's reset never touches another's resources, except as PrivateLink shows it; the
 * views show only the caller's account; the local token sees everything.
 */
class AccountIsolationTest {
  static final String A = "111111111111";
  static final String B = "222222222222";

  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  final RawAws raw = new RawAws(CLOUD.endpoint());

  @BeforeEach
  void empty() {
    CLOUD.reset();
  }

  HttpResult reset(String account) {
    var r = raw.signed("POST", "/moto-api/reset", account, "secret", "ec2");
    return new HttpResult(r.statusCode(), r.body());
  }

  record HttpResult(int status, String body) {}

  @Test
  void aSuiteResettingAccountAWhileAStackIsBuiltInBLeavesBUntouched() throws Exception {
    StackClients a = CLOUD.clients(A);
    AtomicBoolean building = new AtomicBoolean(true);
    AtomicInteger resets = new AtomicInteger();
    Thread suite = Thread.ofVirtual().start(() -> {
      while (building.get() || resets.get() < 3) {
        a.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16"));
        assertEquals(200, reset(A).status());
        resets.incrementAndGet();
      }
    });
    SeedOutputs outputs = new SeedStack(CLOUD.endpoint(), B, B, new Progress(new PrintStream(OutputStream.nullOutputStream())),
        false).apply();
    building.set(false);
    suite.join();
    assertTrue(resets.get() >= 3);
    StackClients b = CLOUD.clients(B);
    assertEquals(2L, ownVpcs(b), "the service and consumer VPCs of B are there");
    assertEquals(2, b.elb().describeLoadBalancers().loadBalancers().size());
    assertEquals("available", b.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(outputs.vpcEndpointId()))
        .vpcEndpoints().getFirst().stateAsString());
    assertEquals(1, b.acm().listCertificates().certificateSummaryList().size());
    assertEquals(0L, ownVpcs(a));
  }

  @Test
  void resettingAProviderRejectsTheConsumersEndpointsAndAConsumerLeavesTheProvidersConnections() {
    StackClients a = CLOUD.clients(A);
    StackClients b = CLOUD.clients(B);
    String serviceOfA = service(a);
    String serviceOfB = service(b);
    allow(a, serviceOfA, B);
    allow(b, serviceOfB, A);
    String endpointOfB = endpoint(b, serviceOfA);
    endpoint(a, serviceOfB);
    CLOUD.quiesce();
    assertEquals(1, b.ec2().describeVpcEndpointConnections().vpcEndpointConnections().size());

    assertEquals(200, reset(A).status());
    CLOUD.quiesce();
    VpcEndpoint mine = b.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointOfB)).vpcEndpoints().getFirst();
    assertEquals("rejected", mine.stateAsString(), "a deleted service's connections are rejected first, as AWS requires");
    assertEquals(List.of(), b.ec2().describeVpcEndpointConnections().vpcEndpointConnections(),
        "A's endpoint is gone from B's service");
    assertEquals(1, b.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().size());
    assertEquals(0L, ownVpcs(a));
    assertEquals(0, a.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().size());
    assertEquals(0, a.elb().describeLoadBalancers().loadBalancers().size());
  }

  @Test
  void viewsWithoutCredentialsAreRefusedAndShowOnlyTheCallersAccount() throws Exception {
    String instanceOfA = instance(CLOUD.clients(A));
    String instanceOfB = instance(CLOUD.clients(B));
    var unsigned = raw.get("/_privatelink/instances");
    assertEquals(403, unsigned.statusCode());
    assertTrue(unsigned.body().contains("MissingAuthenticationToken"), unsigned.body());
    assertEquals(403, raw.get("/_privatelink/notifications").statusCode());
    assertEquals(403, raw.send("GET", "/_privatelink/instances", "X-Privatelink-Token", "not-the-token").statusCode());

    assertEquals(List.of(instanceOfA), ids(raw.signed("GET", "/_privatelink/instances", A, "secret", "ec2").body()));
    assertEquals(List.of(instanceOfB), ids(raw.signed("GET", "/_privatelink/instances", B, "secret", "ec2").body()));
    Path token = LocalToken.file(CLOUD.dataDir());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
    var all = raw.send("GET", "/_privatelink/instances", "X-Privatelink-Token", LocalToken.read(CLOUD.dataDir()));
    assertEquals(List.of(instanceOfA, instanceOfB), ids(all.body()));
  }

  @Test
  void theLocalTokenResetsOneAccountOrTheWholeCloud() throws Exception {
    instance(CLOUD.clients(A));
    instance(CLOUD.clients(B));
    CLOUD.clients(A).acm().putAccountConfiguration(r -> r.idempotencyToken("t").expiryEvents(e -> e.daysBeforeExpiry(10)));
    String token = LocalToken.read(CLOUD.dataDir());
    assertEquals(200, raw.send("POST", "/moto-api/reset?account=" + A, "X-Privatelink-Token", token).statusCode());
    assertEquals(0L, ownVpcs(CLOUD.clients(A)));
    assertEquals(45, CLOUD.clients(A).acm().getAccountConfiguration(r -> { }).expiryEvents().daysBeforeExpiry(),
        "state a handler keeps itself is reset too");
    assertEquals(1L, ownVpcs(CLOUD.clients(B)));
    assertEquals(200, raw.send("POST", "/moto-api/reset", "X-Privatelink-Token", token).statusCode());
    assertEquals(0L, ownVpcs(CLOUD.clients(B)));
  }

  @Test
  void anUnsignedResetEmptiesTheWholeCloudOnlyWhenAllowed(@TempDir Path dir) throws Exception {
    try (LocalCloud cloud = LocalCloud.start(ServerOptions.builder(dir).port(0)
        .hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).allowUnsignedReset(true).build());
        StackClients a = new StackClients(URI.create(cloud.endpoint()), A, Region.US_EAST_1);
        StackClients b = new StackClients(URI.create(cloud.endpoint()), B, Region.US_EAST_1)) {
      a.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16"));
      b.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16"));
      RawAws local = new RawAws(URI.create(cloud.endpoint()));
      assertEquals(200, local.signed("POST", "/moto-api/reset", A, "secret", "ec2").statusCode());
      assertEquals(1L, ownVpcs(b), "a signed reset still resets its account only");
      assertEquals(200, local.send("POST", "/moto-api/reset", null, null).statusCode());
      assertEquals(0L, ownVpcs(b));
    }
  }

  @Test
  void aRestartAfterAnAccountResetReplaysToTheSameState(@TempDir Path dir) throws Exception {
    ServerOptions options = ServerOptions.builder(dir).port(0).hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).build();
    String before;
    try (LocalCloud cloud = LocalCloud.start(options)) {
      try (StackClients a = new StackClients(URI.create(cloud.endpoint()), A, Region.US_EAST_1);
          StackClients b = new StackClients(URI.create(cloud.endpoint()), B, Region.US_EAST_1)) {
        String serviceOfA = service(a);
        allow(a, serviceOfA, B);
        endpoint(b, serviceOfA);
        instance(a);
        assertEquals(200, new RawAws(URI.create(cloud.endpoint())).signed("POST", "/moto-api/reset", A, "s", "ec2").statusCode());
        instance(a);
        before = fingerprint(a, b);
      }
    }
    try (LocalCloud cloud = LocalCloud.start(options);
        StackClients a = new StackClients(URI.create(cloud.endpoint()), A, Region.US_EAST_1);
        StackClients b = new StackClients(URI.create(cloud.endpoint()), B, Region.US_EAST_1)) {
      assertEquals(before, fingerprint(a, b));
    }
  }

  private static String fingerprint(StackClients a, StackClients b) {
    StringBuilder out = new StringBuilder();
    for (StackClients c : List.of(a, b)) {
      out.append(c.ec2().describeVpcs().vpcs()).append(c.ec2().describeSubnets().subnets())
          .append(c.ec2().describeVpcEndpoints().vpcEndpoints().stream().map(e -> e.vpcEndpointId() + e.stateAsString()).toList())
          .append(c.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations())
          .append(c.ec2().describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
              .map(i -> i.instanceId() + i.privateIpAddress()).toList())
          .append(c.elb().describeLoadBalancers().loadBalancers());
    }
    return out.toString();
  }

  /** The VPCs an account made (its default VPC, back after a reset as on a new account, aside). */
  private static long ownVpcs(StackClients c) {
    return c.ec2().describeVpcs().vpcs().stream().filter(v -> !Boolean.TRUE.equals(v.isDefault())).count();
  }

  private static List<String> ids(String body) throws Exception {
    JsonNode nodes = new ObjectMapper().readTree(body);
    return java.util.stream.StreamSupport.stream(nodes.spliterator(), false).map(n -> n.get("instanceId").asText()).toList();
  }

  private static String instance(StackClients c) {
    String subnet = subnet(c);
    String image = c.ec2().describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    return c.ec2().runInstances(r -> r.imageId(image).instanceType("t3.nano").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst().instanceId();
  }
}
