package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.fabric.LinkNames;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.Reaper;
import dev.privatelink.stacks.Progress;
import dev.privatelink.stacks.SeedOutputs;
import dev.privatelink.stacks.SeedStack;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.NetnsTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The crash test with the data plane running: a whole cloud ({@link DataPlaneCrashWriter}) holds
 * the seed system and writes a mixed stream on top of it (VPCs, subnets, security groups and
 * rules, instances, load balancers with targets, endpoint services and endpoints, deletes of each),
 * snapshotting and compacting every few records, and is killed with SIGKILL at a random point
 * ({@code -Dcrash.runs}, 10 in the suite, 50 for the full figure in docs/store.md). After each kill the data dir is checked as {@link CrashLoopTest} checks it (no loss, nothing
 * half made; the other resources by {@link StreamModel}); then the cloud is started again and the
 * host must converge to its state: a namespace for every VPC in use and every running instance, none for a
 * deleted one, none left by a killed cloud, each instance's router link and security-group table
 * in place, the seed's instance reaching the stream's latest instance over a port their group
 * allows, and the seed's endpoint, made before every kill, carrying a connection to nginx.
 */
@NetnsTest
class DataPlaneCrashLoopTest {
  // Each kill costs a cloud start and a whole host rebuilt (25-45 s here), so the suite runs 10 and
  // the 50-kill figure comes from -Dcrash.runs=50, run on its own.
  static final int RUNS = Integer.getInteger("crash.runs", 10);
  private static final Duration CONVERGE = Duration.ofSeconds(Long.getLong("crash.convergeSeconds", 240));
  private static final String WELCOME = "Welcome to nginx!";
  private static final Path LOG = Path.of("target", "dataplane-crash-clouds.log");

  @TempDir
  Path tmp;

  @Test
  void fiftyKillsWithTheDataPlaneLoseNothingAndTheHostConverges() throws Exception {
    Path dir = tmp.resolve("data");
    Map<String, CrashLoopTest.Acked> vpcs = new HashMap<>();
    Set<String> keys = new HashSet<>();
    StreamModel others = new StreamModel();
    Set<Long> killed = new HashSet<>();
    Random random = new Random();
    int losses = 0;
    int halfMade = 0;
    int converged = 0;
    int inSnapshot = 0;
    int afterCompaction = 0;
    KilledChild child = start(dir, 0);
    try {
      URI endpoint = ready(child);
      Seeded seeded = seed(endpoint);
      for (int run = 0; run < RUNS; run++) {
        long started = System.nanoTime();
        long snapshotBefore = snapshotSeq(dir);
        child.send(seeded.ids().line());
        child.await("dropped", Duration.ofSeconds(30)); // the tear-down of earlier runs is under way or done
        List<String> lines = child.kill(200 + random.nextInt(2500));
        killed.add(child.pid());
        inSnapshot += Files.exists(dir.resolve("snapshot.json.tmp")) ? 1 : 0;
        afterCompaction += snapshotSeq(dir) > snapshotBefore ? 1 : 0;
        CrashLoopTest.record(lines, vpcs, keys);
        others.record(lines);
        Set<String> deleting = new HashSet<>();
        vpcs.forEach((id, a) -> {
          if (a.deleting && !a.deleted) {
            deleting.add(id);
          }
        });
        int[] counts = CrashLoopTest.check(dir, vpcs, keys);
        long checked = System.nanoTime();
        child = start(dir, run + 1);
        endpoint = ready(child);
        try (StackClients provider = clients(endpoint, DataPlaneCrashWriter.PROVIDER);
             StackClients consumer = clients(endpoint, DataPlaneCrashWriter.CONSUMER)) {
          int[] more = others.check(provider, consumer, vpcs, deleting);
          losses += counts[0] + more[0];
          halfMade += counts[1] + more[1];
          List<String> unmet = converge(provider, consumer, seeded, vpcs, others, killed);
          converged += unmet.isEmpty() ? 1 : 0;
          System.out.printf("run %d: %d acknowledged lines, losses %d, half-made %d, %s in %d ms (stream and check %d ms)%n",
              run, lines.size(), counts[0] + more[0], counts[1] + more[1], unmet.isEmpty() ? "converged" : "NOT converged " + unmet,
              (System.nanoTime() - checked) / 1_000_000, (checked - started) / 1_000_000);
        }
      }
      System.out.printf("data-plane crash runs=%d losses=%d half-made=%d converged=%d (killed while writing a snapshot: %d,"
          + " runs with a compaction before the kill: %d)%n", RUNS, losses, halfMade, converged, inSnapshot, afterCompaction);
      assertEquals(0, losses, "every acknowledged change survived");
      assertEquals(0, halfMade, "nothing half made");
      assertEquals(RUNS, converged, "the host converged after every restart");
      assertTrue(others.made() > RUNS, "the stream got changes in before the kills: " + others.made());
    } finally {
      stop(child, dir);
    }
    assertEquals(List.of(), leftovers(vpcs, others, killed), "host objects left after the last cloud stopped");
  }

  /** The ids of the seed the stream builds on, and what the convergence check probes. */
  private record Seeded(DataPlaneCrashWriter.Seed ids, SeedOutputs outputs, String endpointAddress) {}

  private static Seeded seed(URI endpoint) {
    String provider = DataPlaneCrashWriter.PROVIDER;
    String consumer = DataPlaneCrashWriter.CONSUMER;
    SeedOutputs out = new SeedStack(endpoint, provider, consumer, Progress.silent(), true).apply();
    try (StackClients p = clients(endpoint, provider); StackClients c = clients(endpoint, consumer)) {
      Instance service = instance(p, out.serviceInstanceId());
      Instance client = instance(c, out.consumerInstanceId());
      String eni = c.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(out.vpcEndpointId())).vpcEndpoints().getFirst()
          .networkInterfaceIds().getFirst();
      String address = c.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().getFirst()
          .privateIpAddress();
      var ids = new DataPlaneCrashWriter.Seed(service.vpcId(), service.subnetId(), service.securityGroups().getFirst().groupId(),
          service.imageId(), out.endpointServiceName(), client.vpcId(), client.subnetId());
      return new Seeded(ids, out, address);
    }
  }

  /**
   * Polls until the host matches the cloud's state (or the deadline passes); returns what is still
   * unmet, empty once converged.
   */
  private static List<String> converge(StackClients provider, StackClients consumer, Seeded seeded,
      Map<String, CrashLoopTest.Acked> vpcs, StreamModel others, Set<Long> killed) throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    List<String> unmet;
    do {
      unmet = unmet(provider, consumer, seeded, vpcs, others, killed);
      if (!unmet.isEmpty()) {
        Thread.sleep(500);
      }
    } while (!unmet.isEmpty() && System.nanoTime() < deadline);
    return unmet;
  }

  private static List<String> unmet(StackClients provider, StackClients consumer, Seeded seeded,
      Map<String, CrashLoopTest.Acked> vpcs, StreamModel others, Set<Long> killed) {
    List<String> unmet = new ArrayList<>();
    Set<String> namespaces = new HashSet<>(Reaper.namespaces("pl-"));
    List<Instance> running = new ArrayList<>();
    for (StackClients c : List.of(provider, consumer)) {
      for (Vpc v : c.ec2().describeVpcs().vpcs()) {
        // An unused default VPC has nothing on the host (every account has one); the stream uses none.
        if (!Boolean.TRUE.equals(v.isDefault()) && !namespaces.contains("pl-" + v.vpcId())) {
          unmet.add("no namespace for " + v.vpcId());
        }
      }
      c.ec2().describeInstances().reservations().forEach(r -> r.instances().forEach(i -> {
        switch (i.state().name()) {
          case RUNNING -> running.add(i);
          case TERMINATED, SHUTTING_DOWN -> {
            if (namespaces.contains("pl-" + i.instanceId())) {
              unmet.add("a namespace for terminated " + i.instanceId());
            }
          }
          default -> unmet.add(i.instanceId() + " is " + i.state().nameAsString());
        }
      }));
    }
    for (Instance i : running) {
      unmet.addAll(instanceOnHost(i, namespaces));
    }
    for (String gone : deleted(vpcs, others)) {
      if (namespaces.contains("pl-" + gone)) {
        unmet.add("a namespace for deleted " + gone);
      }
    }
    unmet.addAll(ownedByKilled(namespaces, killed));
    if (unmet.isEmpty()) {
      unmet.addAll(traffic(seeded, running));
    }
    return unmet;
  }

  /** A running instance's namespace, its veth on its VPC's router, and the router's security-group table. */
  private static List<String> instanceOnHost(Instance i, Set<String> namespaces) {
    String ns = "pl-" + i.instanceId();
    if (!namespaces.contains(ns)) {
      return List.of("no namespace for running " + i.instanceId());
    }
    List<String> unmet = new ArrayList<>();
    if (Host.tryRun(List.of("ip", "-n", "pl-" + i.vpcId(), "link", "show", LinkNames.routerSide(i.instanceId())), null)
        .exitCode() != 0) {
      unmet.add("no router link for " + i.instanceId());
    }
    if (Host.tryRun(List.of("ip", "netns", "exec", "pl-" + i.vpcId(), "nft", "list", "table", "inet", "pl_sg"), null)
        .exitCode() != 0) {
      unmet.add("no security-group table on the router of " + i.instanceId());
    }
    return unmet;
  }

  /**
   * The seed's service instance reaches every running instance of the stream on port 80 (their
   * group allows HTTP from the VPC), and the consumer reaches nginx through the seed's endpoint.
   */
  private static List<String> traffic(Seeded seeded, List<Instance> running) {
    List<String> unmet = new ArrayList<>();
    String from = "pl-" + seeded.outputs().serviceInstanceId();
    for (Instance i : running) {
      if (i.tags().stream().anyMatch(t -> t.key().equals(DataPlaneCrashWriter.STREAM_TAG))
          && !curl(from, "http://" + i.privateIpAddress() + "/").contains(WELCOME)) {
        unmet.add("the service instance does not reach nginx on " + i.instanceId());
      }
    }
    if (!curl("pl-" + seeded.outputs().consumerInstanceId(), "https://" + seeded.endpointAddress() + "/").contains(WELCOME)) {
      unmet.add("the consumer does not reach nginx through " + seeded.outputs().vpcEndpointId());
    }
    return unmet;
  }

  private static String curl(String namespace, String url) {
    return Host.tryRun(List.of("ip", "netns", "exec", namespace, "curl", "-sk", "-m", "5", url), null).stdout();
  }

  /** Ids the stream deleted for good (VPCs, instances): none of them may keep a namespace. */
  private static Set<String> deleted(Map<String, CrashLoopTest.Acked> vpcs, StreamModel others) {
    Set<String> ids = new HashSet<>(others.dropped("instance"));
    vpcs.forEach((id, a) -> {
      if (a.deleted) {
        ids.add(id);
      }
    });
    return ids;
  }

  /** Namespaces whose recorded owner is one of the killed clouds: the restarted cloud must have reaped them. */
  private static List<String> ownedByKilled(Set<String> namespaces, Set<Long> killed) {
    List<String> orphans = new ArrayList<>();
    for (String ns : namespaces) {
      try {
        String owner = Files.readString(Path.of("/run/privatelink-local/owners", ns)).strip();
        if (killed.contains(Long.parseLong(owner.split("\\s+")[0]))) {
          orphans.add("orphan namespace " + ns + " of a killed cloud");
        }
      } catch (java.io.IOException | NumberFormatException e) {
        // no record: not a namespace of a cloud of ours
      }
    }
    return orphans;
  }

  /** After the last stop: namespaces named after any id of the run, or owned by a killed cloud. */
  private static List<String> leftovers(Map<String, CrashLoopTest.Acked> vpcs, StreamModel others, Set<Long> killed) {
    Set<String> namespaces = new HashSet<>(Reaper.namespaces("pl-"));
    List<String> left = new ArrayList<>(ownedByKilled(namespaces, killed));
    Set<String> ids = new HashSet<>(vpcs.keySet());
    ids.addAll(others.ids("instance"));
    ids.forEach(id -> {
      if (namespaces.contains("pl-" + id)) {
        left.add("namespace pl-" + id);
      }
    });
    return left;
  }

  private static KilledChild start(Path dir, int run) throws java.io.IOException {
    Files.createDirectories(dir);
    // The clouds' log outlives the temporary data dir: it is what tells why a run did not converge.
    return KilledChild.start(LOG, List.of("--enable-native-access=ALL-UNNAMED",
        "-XX:+UseSerialGC", "-Dprivatelink.compactRecords=12"), DataPlaneCrashWriter.class, dir.toString(),
        Integer.toString(run));
  }

  private static URI ready(KilledChild child) throws InterruptedException {
    String line = child.await("ready ", Duration.ofSeconds(180))
        .orElseThrow(() -> new AssertionError("the cloud did not start; see cloud.log"));
    return URI.create(line.substring("ready ".length()));
  }

  /**
   * Stops the cloud so that it removes its host objects (starting one first if the last was
   * killed); never throws, so that a failure of the test itself is the one reported.
   */
  private static void stop(KilledChild child, Path dir) {
    try {
      KilledChild last = child;
      if (!last.isAlive()) {
        last = start(dir, -1);
        last.await("ready ", Duration.ofSeconds(180));
      }
      last.send("stop");
      last.await("stopped", Duration.ofSeconds(120));
      last.awaitExit(Duration.ofSeconds(30));
    } catch (Exception e) {
      System.err.println("could not stop the last cloud cleanly: " + e);
    }
  }

  /** The journal record the snapshot covers, read without touching the data dir (a cloud may be writing one). */
  private static long snapshotSeq(Path dir) throws java.io.IOException {
    Path file = dir.resolve("snapshot.json");
    try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        if ("seq".equals(parser.currentName()) && parser.nextToken().isNumeric()) {
          return parser.getLongValue();
        }
      }
      return 0;
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      return 0;
    }
  }

  private static StackClients clients(URI endpoint, String account) {
    return new StackClients(endpoint, account, Region.US_EAST_1);
  }

  private static Instance instance(StackClients c, String id) {
    return c.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
  }
}
