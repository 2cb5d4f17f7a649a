package dev.privatelink.stacks;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Waits, through the API as a user would, until the seed carries traffic: both instances running,
 * the endpoint available, and (with a data plane) the instance healthy behind the ALB and the ALB
 * healthy behind the NLB.
 */
final class SeedReadiness {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private SeedReadiness() {}

  static void await(StackClients provider, StackClients consumer, SeedStack.Provider service, SeedStack.Consumer client,
      Progress progress, boolean healthChecks) {
    until("instance " + service.instanceId() + " running", progress, () -> running(provider, service.instanceId()));
    until("instance " + client.instanceId() + " running", progress, () -> running(consumer, client.instanceId()));
    // EC2 answers endpoint states in lower camel case, which the SDK's capitalised State enum does not parse.
    until("endpoint " + client.endpointId() + " available", progress, () -> "available".equals(consumer.ec2()
        .describeVpcEndpoints(r -> r.vpcEndpointIds(client.endpointId())).vpcEndpoints().getFirst().stateAsString()));
    if (healthChecks) {
      until("nginx healthy behind the ALB", progress, () -> healthy(provider, service.albTargetGroupArn()));
      until("ALB healthy behind the NLB", progress, () -> healthy(provider, service.nlbTargetGroupArn()));
    }
  }

  private static boolean running(StackClients clients, String instanceId) {
    return clients.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst()
        .instances().getFirst().state().name() == InstanceStateName.RUNNING;
  }

  private static boolean healthy(StackClients clients, String targetGroupArn) {
    var health = clients.elb().describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions();
    return !health.isEmpty() && health.stream().allMatch(h -> h.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
  }

  private static void until(String what, Progress progress, BooleanSupplier done) {
    Instant start = Instant.now();
    while (!done.getAsBoolean()) {
      if (Duration.between(start, Instant.now()).compareTo(LIMIT) > 0) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + LIMIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    progress.note("ready: " + what + " (" + Duration.between(start, Instant.now()).toMillis() + " ms)");
  }
}
