package dev.privatelink.bench;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Mutations per second through the AWS SDK with 1, 4 and 16 concurrent writers, each in its own
 * account (CreateTags and DeleteTags on a VPC of its own), with one fsync per mutation under the
 * writer lock ({@code -Dprivatelink.groupCommit=false}, the path before group commit) and with
 * group commit, in interleaved rounds of one run. Run with {@code bench/store.sh}; prints a table.
 */
public final class StoreBenchmark {
  private static final long SECONDS = Long.getLong("seconds", 5);
  private static final int ROUNDS = Integer.getInteger("rounds", 2);

  public static void main(String[] args) throws Exception {
    int[] writers = {1, 4, 16};
    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int n : writers) {
        for (boolean group : new boolean[] {false, true}) {
          results.computeIfAbsent(n + " " + group, k -> new ArrayList<>()).add(measure(n, group));
        }
      }
    }
    System.out.println("| writers | one fsync per mutation (calls/s) | group commit (calls/s) | ratio |");
    System.out.println("| ---: | ---: | ---: | ---: |");
    for (int n : writers) {
      double before = median(results.get(n + " false"));
      double after = median(results.get(n + " true"));
      System.out.printf("| %d | %.0f | %.0f | %.1fx |%n", n, before, after, after / before);
    }
    System.out.printf("%nmedians of %d interleaved rounds of %d s each%n", ROUNDS, SECONDS);
  }

  private static double measure(int writers, boolean group) throws Exception {
    System.setProperty("privatelink.groupCommit", Boolean.toString(group));
    Path dir = Files.createTempDirectory("privatelink-store-bench");
    try (LocalCloud cloud = LocalCloud.start(
        ServerOptions.builder(dir).port(0).hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).build())) {
      AtomicLong calls = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String account = String.format("%012d", 100_000_000_000L + i);
        Ec2Client ec2 = client(URI.create(cloud.endpoint()), account);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        threads.add(Thread.ofPlatform().start(() -> {
          while (!stop.get()) {
            ec2.createTags(r -> r.resources(vpc).tags(t -> t.key("k").value("v")));
            ec2.deleteTags(r -> r.resources(vpc).tags(t -> t.key("k")));
            calls.addAndGet(2);
          }
        }));
      }
      Thread.sleep(1000); // warm-up
      long start = calls.get();
      long t0 = System.nanoTime();
      Thread.sleep(SECONDS * 1000);
      double rate = (calls.get() - start) / ((System.nanoTime() - t0) / 1e9);
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      System.err.printf("writers=%d group=%s: %.0f calls/s%n", writers, group, rate);
      return rate;
    }
  }

  private static Ec2Client client(URI endpoint, String account) {
    return Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
