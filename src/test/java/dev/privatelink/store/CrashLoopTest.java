package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * kill -9 at 50 random points of a mixed mutation stream from two accounts (VPCs, tags, subnets,
 * deletes, key pairs) written by a separate JVM ({@link CrashWriter}) that also snapshots and
 * compacts all the time; after each kill the data dir is recovered and checked: every
 * acknowledged change is there (losses), and nothing is half made (a VPC without its default
 * security group or main route table, a subnet without its VPC). The stream goes on in the same
 * data dir from run to run, so later runs recover from snapshots of earlier ones.
 */
class CrashLoopTest {
  static final int RUNS = Integer.getInteger("crash.runs", 50);
  static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");

  @TempDir
  Path tmp;

  /** What the writer was told, per VPC. */
  static final class Acked {
    String account = "";
    String name = "";
    String subnet = "";
    boolean deleting;
    boolean deleted;
  }

  @Test
  void fiftyKillsLoseNothingAcknowledgedAndLeaveNothingHalfMade() throws Exception {
    Path dir = tmp.resolve("data");
    Map<String, Acked> vpcs = new HashMap<>();
    Set<String> keys = new HashSet<>();
    Random random = new Random();
    int losses = 0;
    int halfMade = 0;
    int duringCompaction = 0;
    for (int run = 0; run < RUNS; run++) {
      long started = System.nanoTime();
      List<String> lines = killedRun(dir, run, random.nextInt(300));
      long killed = System.nanoTime();
      boolean compacting = record(lines, vpcs, keys);
      duringCompaction += compacting ? 1 : 0;
      int[] counts = check(dir, vpcs, keys);
      losses += counts[0];
      halfMade += counts[1];
      System.out.printf("run %d: %d acknowledged lines, writer %d ms, recovery and check %d ms%n", run, lines.size(),
          (killed - started) / 1_000_000, (System.nanoTime() - killed) / 1_000_000);
    }
    System.out.printf("crash runs=%d losses=%d half-made=%d (killed during a compaction: %d)%n", RUNS, losses, halfMade,
        duringCompaction);
    assertEquals(0, losses, "every acknowledged change survived");
    assertEquals(0, halfMade, "nothing half made");
    assertTrue(vpcs.size() > RUNS, "the writer got changes in before the kills: " + vpcs.size());
  }

  /** Adds what the writer acknowledged to the model; returns true if it was killed while compacting. */
  static boolean record(List<String> lines, Map<String, Acked> vpcs, Set<String> keys) {
    boolean compacting = false;
    for (String line : lines) {
      String[] w = line.split(" ");
      switch (w[0]) {
        case "vpc" -> vpcs.computeIfAbsent(w[2], id -> new Acked()).account = w[1];
        case "tag" -> vpcs.get(w[2]).name = w[3];
        case "subnet" -> vpcs.get(w[2]).subnet = w[3];
        // A run may delete what an earlier run made but was killed before acknowledging.
        case "deleting" -> vpcs.computeIfAbsent(w[2], id -> new Acked()).deleting = true;
        case "deleted" -> vpcs.computeIfAbsent(w[2], id -> new Acked()).deleted = true;
        case "key" -> keys.add(w[1] + " " + w[2]);
        case "compacting" -> compacting = true;
        case "compacted" -> compacting = false;
        default -> { }
      }
    }
    return compacting;
  }

  /** Starts the writer, kills it with SIGKILL after {@code millis} of writing; returns what it acknowledged. */
  private static List<String> killedRun(Path dir, int run, int millis) throws Exception {
    KilledChild writer = KilledChild.start(dir.resolveSibling("writer.log"), List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolveSibling("writer.jsa")),
        CrashWriter.class, dir.toString(), Integer.toString(run));
    writer.await("ready", Duration.ofSeconds(60));
    // The kill's random point is counted from the run's first change, so that a loaded machine,
    // slow to write the first, still sees every run write some.
    writer.await("vpc ", Duration.ofSeconds(60));
    // A last line cut by the kill is not an acknowledgement.
    return writer.kill(millis).stream()
        .filter(l -> l.matches("(vpc|tag|subnet|deleting|deleted|key) \\S+ \\S+( \\S+)?|compact\\w+")).toList();
  }

  /** What a recovered cloud holds, and how many of its resources are half made. */
  private record Observed(Map<String, Vpc> vpcs, Set<String> subnets, Set<String> keys, int halfMade) {}

  /** Recovers the data dir and counts {losses, half-made resources}; brings the model in line with in-flight deletes. */
  static int[] check(Path dir, Map<String, Acked> acked, Set<String> keys) throws IOException {
    Observed seen;
    try (Store store = Store.open(dir, Journal.Disk.REAL, Long.MAX_VALUE, Clock.systemUTC())) {
      seen = observe(store.cloud());
    }
    int losses = 0;
    for (var e : acked.entrySet()) {
      losses += lost(e.getValue(), seen.vpcs().get(e.getKey()), seen.subnets());
    }
    for (String key : keys) {
      losses += seen.keys().contains(key) ? 0 : 1;
    }
    return new int[] {losses, seen.halfMade()};
  }

  /** Changes acknowledged for one VPC that are missing (a delete in flight may have gone either way). */
  private static int lost(Acked a, @org.jspecify.annotations.Nullable Vpc vpc, Set<String> subnets) {
    if (a.deleted) {
      return vpc == null ? 0 : 1;
    }
    if (a.deleting) {
      a.deleting = false;
      a.deleted = vpc == null; // the in-flight delete was made durable before the kill, or not
      a.subnet = ""; // it may have lost its subnet: a whole change of its own
      return 0;
    }
    if (vpc == null) {
      return 1;
    }
    boolean named = a.name.isEmpty() || vpc.tags().stream().anyMatch(t -> t.key().equals("Name") && t.value().equals(a.name));
    boolean subnet = a.subnet.isEmpty() || subnets.contains(a.subnet);
    return (named ? 0 : 1) + (subnet ? 0 : 1);
  }

  private static Observed observe(Cloud cloud) {
    Map<String, Vpc> present = new HashMap<>();
    Set<String> subnets = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int half = 0;
    for (String account : ACCOUNTS) {
      DescribeVpcsResponse v = call(cloud, account, DescribeVpcsRequest.builder().build());
      v.vpcs().forEach(x -> present.put(x.vpcId(), x));
      Set<String> vpcIds = new HashSet<>(v.vpcs().stream().map(Vpc::vpcId).toList());
      DescribeSubnetsResponse s = call(cloud, account, DescribeSubnetsRequest.builder().build());
      for (var subnet : s.subnets()) {
        subnets.add(subnet.subnetId());
        half += vpcIds.contains(subnet.vpcId()) ? 0 : 1;
      }
      DescribeSecurityGroupsResponse g = call(cloud, account, DescribeSecurityGroupsRequest.builder().build());
      DescribeRouteTablesResponse r = call(cloud, account, DescribeRouteTablesRequest.builder().build());
      for (String id : vpcIds) {
        boolean group = g.securityGroups().stream().anyMatch(x -> x.vpcId().equals(id) && x.groupName().equals("default"));
        boolean main = r.routeTables().stream().anyMatch(t -> t.vpcId().equals(id)
            && t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())));
        half += group && main ? 0 : 1;
      }
      DescribeKeyPairsResponse k = call(cloud, account, DescribeKeyPairsRequest.builder().build());
      k.keyPairs().forEach(x -> keys.add(account + " " + x.keyName()));
    }
    return new Observed(present, subnets, keys, half);
  }

  @SuppressWarnings("unchecked")
  private static <T> T call(Cloud cloud, String account, SdkRequest request) {
    return (T) cloud.call(account, "us-east-1", "arn:aws:iam::" + account + ":root", request);
  }
}
