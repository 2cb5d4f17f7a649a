package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privatelink.stacks.StackClients;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Instance hostnames as AWS's VPC resolver answers them: a name resolves inside its own VPC to its
 * instance's address, and another VPC's resolver does not know it. The seed's two VPCs share
 * 10.0.0.0/16 and their instances get the same first free address, hence the same name
 * (ip-10-0-0-4), so the consumer rightly resolves that name to its own instance. To see the
 * isolation, a probe instance is run in the provider's second subnet, an address the consumer VPC
 * has no instance at; it is terminated afterwards so the seed system stays as it was.
 */
final class HostnameChecks {
  private static final String ACCOUNT = "000000000000";
  private static final int GETENT_NOT_FOUND = 2;
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

  private final Cli cli;
  private final URI endpoint;
  private final JsonNode outputs;

  HostnameChecks(Cli cli, URI endpoint, JsonNode outputs) {
    this.cli = cli;
    this.endpoint = endpoint;
    this.outputs = outputs;
  }

  void run() throws IOException, InterruptedException {
    try (StackClients clients = new StackClients(endpoint, ACCOUNT, Region.US_EAST_1)) {
      Instance service = describe(clients, outputs.get("serviceInstanceId").asText());
      Instance consumer = describe(clients, outputs.get("consumerInstanceId").asText());
      assertTrue(service.privateDnsName().matches("ip-10-0-\\d+-\\d+\\.ec2\\.internal"), service.privateDnsName());

      assertResolves(outputs.get("serviceInstanceId").asText(), service);
      // Same name in the consumer VPC only when the consumer's own instance carries it.
      if (consumer.privateDnsName().equals(service.privateDnsName())) {
        assertResolves(consumer.instanceId(), consumer);
      } else {
        assertUnknown(consumer.instanceId(), service.privateDnsName());
      }

      Instance probe = runProbe(clients, service);
      try {
        assertResolves(service.instanceId(), probe);
        assertUnknown(consumer.instanceId(), probe.privateDnsName());
      } finally {
        clients.ec2().terminateInstances(r -> r.instanceIds(probe.instanceId()));
        await(clients, probe.instanceId(), InstanceStateName.TERMINATED);
      }
    }
  }

  /** Inside {@code from}'s VPC, {@code target}'s hostname resolves to its private address. */
  private void assertResolves(String from, Instance target) throws IOException, InterruptedException {
    Cli.Result getent = cli.exec(from, "getent", "hosts", target.privateDnsName());
    assertEquals(0, getent.exitCode(), getent.describe());
    assertEquals(target.privateIpAddress(), getent.stdout().strip().split("\\s+")[0], getent.describe());
  }

  private void assertUnknown(String from, String name) throws IOException, InterruptedException {
    Cli.Result getent = cli.exec(from, "getent", "hosts", name);
    assertEquals(GETENT_NOT_FOUND, getent.exitCode(), getent.describe());
    assertEquals("", getent.stdout().strip(), getent.describe());
  }

  /** A bare instance (no user data) in another subnet of the service's VPC, running. */
  private static Instance runProbe(StackClients clients, Instance service) {
    Subnet other = clients.ec2().describeSubnets(r -> r.filters(
            Filter.builder().name("vpc-id").values(service.vpcId()).build())).subnets().stream()
        .filter(s -> !s.subnetId().equals(service.subnetId())).findFirst().orElseThrow();
    String id = clients.ec2().runInstances(r -> r.imageId(service.imageId()).instanceType("t3.nano").minCount(1)
        .maxCount(1).subnetId(other.subnetId())).instances().getFirst().instanceId();
    return await(clients, id, InstanceStateName.RUNNING);
  }

  private static Instance await(StackClients clients, String id, InstanceStateName state) {
    Instant deadline = Instant.now().plus(SETTLE_LIMIT);
    Instance now = describe(clients, id);
    while (now.state().name() != state && Instant.now().isBefore(deadline)) {
      sleep();
      now = describe(clients, id);
    }
    assertEquals(state, now.state().name(), id + " did not settle");
    return now;
  }

  private static Instance describe(StackClients clients, String id) {
    return clients.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
