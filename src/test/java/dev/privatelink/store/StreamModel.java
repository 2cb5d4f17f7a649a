package dev.privatelink.store;

import dev.privatelink.stacks.StackClients;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * What {@link DataPlaneCrashWriter} was acknowledged for everything but VPCs (which
 * {@link CrashLoopTest} follows): instances, target groups and their targets, load balancers,
 * endpoint services, endpoints, security groups and their rules; and the check of a restarted
 * cloud against it. A delete in flight at a kill may have gone either way; it is settled by what
 * the cloud shows, which must be whole either way.
 */
final class StreamModel {
  /** One resource: made, then perhaps being deleted, then deleted. */
  private static final class Tracked {
    final String kind;
    String owner = "";
    boolean dropping;
    boolean dropped;

    Tracked(String kind) {
      this.kind = kind;
    }
  }

  private final Map<String, Tracked> resources = new LinkedHashMap<>();
  private final Set<String> rules = new HashSet<>();
  private int made;
  /** VPCs whose delete was in flight at the kill: their groups may be gone while they are not. */
  private Set<String> vpcsDeleting = Set.of();

  /** Adds the acknowledged lines of one run. */
  void record(List<String> lines) {
    for (String line : lines) {
      String[] w = line.split(" ");
      switch (w[0]) {
        case "made" -> {
          made++;
          resources.computeIfAbsent(w[2], id -> new Tracked(w[1]));
        }
        case "dropping" -> resources.computeIfAbsent(w[2], id -> new Tracked(w[1])).dropping = true;
        case "dropped" -> resources.computeIfAbsent(w[2], id -> new Tracked(w[1])).dropped = true;
        case "sg" -> resources.computeIfAbsent(w[2], id -> new Tracked("sg")).owner = w[3];
        case "rule" -> rules.add(w[2]);
        default -> { }
      }
    }
  }

  int made() {
    return made;
  }

  Set<String> ids(String kind) {
    Set<String> ids = new HashSet<>();
    resources.forEach((id, t) -> {
      if (t.kind.equals(kind)) {
        ids.add(id);
      }
    });
    return ids;
  }

  Set<String> dropped(String kind) {
    Set<String> ids = new HashSet<>();
    resources.forEach((id, t) -> {
      if (t.kind.equals(kind) && t.dropped) {
        ids.add(id);
      }
    });
    return ids;
  }

  /** {losses, half-made} of a restarted cloud; settles the deletes that were in flight. */
  int[] check(StackClients provider, StackClients consumer, Map<String, CrashLoopTest.Acked> vpcs, Set<String> vpcsDeleting) {
    this.vpcsDeleting = vpcsDeleting;
    int losses = 0;
    int half = 0;
    for (var e : resources.entrySet()) {
      Tracked t = e.getValue();
      Optional<Boolean> live = live(t, e.getKey(), provider, consumer, vpcs);
      if (live.isEmpty()) {
        half++; // there, but not whole (see live)
        System.out.println("half made: " + t.kind + " " + e.getKey());
      } else if (t.dropping && !t.dropped) {
        t.dropping = false;
        t.dropped = !live.get();
      } else if (t.dropped == live.get()) {
        losses++;
        System.out.println("lost: " + t.kind + " " + e.getKey() + (t.dropped ? " (deleted, still there)" : " (missing)"));
      }
    }
    return new int[] {losses, half};
  }

  /** Whether the resource is there (and not being deleted); empty if it is there but half made. */
  private Optional<Boolean> live(Tracked t, String id, StackClients provider, StackClients consumer,
      Map<String, CrashLoopTest.Acked> vpcs) {
    return switch (t.kind) {
      case "instance" -> Optional.of(provider.ec2().describeInstances(r -> r.instanceIds(id)).reservations().stream()
          .flatMap(r -> r.instances().stream()).anyMatch(i -> i.state().name() != InstanceStateName.TERMINATED
              && i.state().name() != InstanceStateName.SHUTTING_DOWN));
      case "targetgroup" -> Optional.of(found(() -> provider.elb().describeTargetGroups(r -> r.targetGroupArns(id))));
      case "target" -> target(provider, id);
      case "loadbalancer" -> Optional.of(found(() -> provider.elb().describeLoadBalancers(r -> r.loadBalancerArns(id))));
      case "service" -> service(provider, id);
      case "endpoint" -> Optional.of(consumer.ec2().describeVpcEndpoints(r -> r.filters(f -> f.name("vpc-endpoint-id")
          .values(id))).vpcEndpoints().stream().anyMatch(v -> !v.stateAsString().toLowerCase().startsWith("delet")));
      case "sg" -> group(provider, id, vpcs.get(t.owner));
      default -> throw new IllegalStateException("unknown kind " + t.kind);
    };
  }

  /** A registered target: there if its group lists it; not followed once its group is deleted. */
  private Optional<Boolean> target(StackClients provider, String id) {
    String[] parts = id.split("\\|");
    Tracked group = resources.get(parts[0]);
    Tracked instance = resources.get(parts[1]);
    if (group == null || group.dropping || group.dropped || instance == null || instance.dropping || instance.dropped) {
      return Optional.of(true); // deregistered with its group, or as AWS deregisters a terminated instance
    }
    return Optional.of(provider.elb().describeTargetHealth(r -> r.targetGroupArn(parts[0])).targetHealthDescriptions()
        .stream().anyMatch(d -> d.target().id().equals(parts[1])));
  }

  /** An endpoint service: half made if its load balancer is gone while it is not being deleted. */
  private Optional<Boolean> service(StackClients provider, String id) {
    var found = provider.ec2().describeVpcEndpointServiceConfigurations(r -> r.filters(f -> f.name("service-id").values(id)))
        .serviceConfigurations().stream().filter(s -> !s.serviceStateAsString().toLowerCase().startsWith("delet")).toList();
    if (found.isEmpty()) {
      return Optional.of(false);
    }
    String lb = found.getFirst().networkLoadBalancerArns().getFirst();
    return found(() -> provider.elb().describeLoadBalancers(r -> r.loadBalancerArns(lb))) ? Optional.of(true) : Optional.empty();
  }

  /** A group goes with its VPC (its own "deleted" is the VPC's); its acknowledged rule must be there. */
  private Optional<Boolean> group(StackClients provider, String id, CrashLoopTest.@Nullable Acked vpc) {
    Tracked t = resources.get(id);
    if (vpc != null && vpc.deleted) {
      t.dropped = true;
    } else if (vpcsDeleting.contains(t.owner)) {
      t.dropping = true;
    }
    List<SecurityGroup> groups = provider.ec2().describeSecurityGroups(r -> r.filters(f -> f.name("group-id").values(id)))
        .securityGroups();
    if (groups.isEmpty()) {
      return Optional.of(false);
    }
    boolean ruled = groups.getFirst().ipPermissions().stream().anyMatch(p -> Integer.valueOf(80).equals(p.fromPort()));
    return !rules.contains(id) || ruled ? Optional.of(true) : Optional.empty();
  }

  private static boolean found(Runnable describe) {
    try {
      describe.run();
      return true;
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode().endsWith("NotFound")) {
        return false;
      }
      throw e;
    }
  }
}
