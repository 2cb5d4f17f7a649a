package dev.privatelink.stacks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * Waits, through the API as a user would, until the seed carries traffic: both instances running,
 * the endpoint available, and (with a data plane) a healthy instance behind the ALB and the ALB
 * healthy behind the NLB. While it waits it says what for (a target's state and reason, a draining
 * target's deregistration delay); a target that is draining, or whose instance is not running,
 * gets no new traffic, so it does not hold readiness up. Each wait is bounded, and its timeout names what was still missing.
 */
final class SeedReadiness {
  private static final Duration LIMIT = Duration.ofMinutes(3);
  /** Waits shorter than this say nothing but their "ready:" line. */
  private static final Duration QUIET = Duration.ofSeconds(2);
  /**
   * Between two polls of one wait: the data plane reports within milliseconds of the host being
   * ready, so a longer pause is time the stack waits after it; five waits at this pace cost the
   * server about a hundred Describe calls a second while they last.
   */
  private static final long POLL_MILLIS = 50;

  private SeedReadiness() {}

  /** The waits run at once; their lines come out in the order listed here. */
  static void await(StackClients provider, StackClients consumer, SeedStack.Provider service, SeedStack.Consumer client,
      Progress progress, boolean healthChecks) {
    try (Steps waits = new Steps(progress)) {
      waits.start(p -> until("instance " + service.instanceId() + " running", p, () -> running(provider, service.instanceId())));
      waits.start(p -> until("instance " + client.instanceId() + " running", p, () -> running(consumer, client.instanceId())));
      // EC2 answers endpoint states in lower camel case, which the SDK's capitalised State enum does not parse.
      waits.start(p -> until("endpoint " + client.endpointId() + " available", p, () -> {
        String state = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(client.endpointId())).vpcEndpoints()
            .getFirst().stateAsString();
        return "available".equals(state) ? Optional.empty() : Optional.of("endpoint " + client.endpointId() + " " + state);
      }));
      if (healthChecks) {
        waits.start(p -> until("nginx healthy behind the ALB", p, () -> blocker(provider, service.albTargetGroupArn())));
        waits.start(p -> until("ALB healthy behind the NLB", p, () -> blocker(provider, service.nlbTargetGroupArn())));
      }
    }
  }

  private static Optional<String> running(StackClients clients, String instanceId) {
    InstanceStateName state = clients.ec2().describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst()
        .instances().getFirst().state().name();
    return state == InstanceStateName.RUNNING ? Optional.empty() : Optional.of("instance " + instanceId + " " + state);
  }

  /**
   * What keeps the group from carrying traffic, or empty when a target is healthy and every other
   * one is healthy or on its way out (draining targets are named, with their delay).
   */
  private static Optional<String> blocker(StackClients clients, String targetGroupArn) {
    var health = clients.elb().describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions();
    boolean anyHealthy = health.stream().anyMatch(h -> h.targetHealth().state() == TargetHealthStateEnum.HEALTHY);
    List<String> waits = new ArrayList<>();
    for (TargetHealthDescription h : health) {
      TargetHealthStateEnum state = h.targetHealth().state();
      if (state == TargetHealthStateEnum.DRAINING) {
        waits.add("target " + h.target().id() + " draining (" + delaySeconds(clients, targetGroupArn)
            + " s deregistration delay)");
      } else if (state != TargetHealthStateEnum.HEALTHY) {
        waits.add("target " + h.target().id() + " " + h.targetHealth().stateAsString()
            + (h.targetHealth().reasonAsString() == null ? "" : " (" + h.targetHealth().reasonAsString() + ")"));
      }
    }
    if (anyHealthy && health.stream().allMatch(SeedReadiness::healthyOrOutOfService)) {
      return Optional.empty();
    }
    return Optional.of(waits.isEmpty() ? "no target registered" : String.join(", ", waits));
  }

  /**
   * Healthy, or getting no traffic at all: draining, or unused because its instance is not running
   * (stopped or terminated out of band, as a second {@code up} then replaces it).
   */
  private static boolean healthyOrOutOfService(TargetHealthDescription h) {
    TargetHealthStateEnum state = h.targetHealth().state();
    return state == TargetHealthStateEnum.HEALTHY || state == TargetHealthStateEnum.DRAINING
        || (state == TargetHealthStateEnum.UNUSED && h.targetHealth().reason() == TargetHealthReasonEnum.TARGET_INVALID_STATE);
  }

  private static String delaySeconds(StackClients clients, String targetGroupArn) {
    return clients.elb().describeTargetGroupAttributes(r -> r.targetGroupArn(targetGroupArn)).attributes().stream()
        .filter(a -> a.key().equals("deregistration_delay.timeout_seconds")).map(a -> a.value()).findFirst().orElse("300");
  }

  /** Polls {@code blocker} until it is empty, printing what it waits for whenever that changes after a short while. */
  private static @Nullable Void until(String what, Progress progress, Supplier<Optional<String>> blocker) {
    Instant start = Instant.now();
    String said = null;
    for (Optional<String> b = blocker.get(); b.isPresent(); b = blocker.get()) {
      Duration waited = Duration.between(start, Instant.now());
      if (waited.compareTo(LIMIT) > 0) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + LIMIT.toSeconds() + " s: " + b.get());
      }
      if (waited.compareTo(QUIET) > 0 && !b.get().equals(said)) {
        said = b.get();
        progress.note("waiting: " + said);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    progress.note("ready: " + what + " (" + Duration.between(start, Instant.now()).toMillis() + " ms)");
    return null;
  }
}
