package dev.privatelink.bench;

import dev.privatelink.control.Cloud;
import dev.privatelink.server.ServerInfo;
import dev.privatelink.store.Journal;
import dev.privatelink.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Start time (process start to the first healthy answer of {@code serve --no-dataplane}) and RSS
 * after 1k, 10k and 100k journaled mutations (VPCs created, tagged and deleted, a key pair made
 * and dropped every 300 VPCs, as a CI machine does: the live state ends empty), for main's jar
 * (the whole journal replayed) and this branch's (a snapshot plus the tail), interleaved, in one
 * run. Arguments: main's jar, this branch's jar. Run with {@code bench/store.sh}.
 */
public final class StartBenchmark {
  private static final int ROUNDS = Integer.getInteger("rounds", 3);

  public static void main(String[] args) throws Exception {
    Path mainJar = Path.of(args[0]);
    Path ourJar = Path.of(args[1]);
    int[] sizes = {1_000, 10_000, 100_000};
    Map<String, List<long[]>> results = new LinkedHashMap<>();
    for (int size : sizes) {
      Path ours = Files.createTempDirectory("pl-start-ours");
      Path main = Files.createTempDirectory("pl-start-main");
      generate(ours, size, Store.DEFAULT_COMPACT_BYTES);
      generate(main, size, Long.MAX_VALUE);
      legacyJournal(main);
      System.err.printf("%d mutations: journal %d KiB for main, %d KiB (snapshot + tail) here%n", size,
          bytes(main) / 1024, bytes(ours) / 1024);
      for (int round = 0; round < ROUNDS; round++) {
        results.computeIfAbsent(size + " main", k -> new ArrayList<>()).add(start(mainJar, main));
        results.computeIfAbsent(size + " ours", k -> new ArrayList<>()).add(start(ourJar, ours));
      }
    }
    System.out.println("| journaled mutations | main: start | main: RSS | this branch: start | this branch: RSS | start ratio |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int size : sizes) {
      long[] m = median(results.get(size + " main"));
      long[] o = median(results.get(size + " ours"));
      System.out.printf("| %,d | %.2f s | %d MiB | %.2f s | %d MiB | %.1fx |%n", size, m[0] / 1000.0, m[1] / 1024,
          o[0] / 1000.0, o[1] / 1024, (double) m[0] / o[0]);
    }
    System.out.printf("%nmedians of %d interleaved starts%n", ROUNDS);
  }

  /** Writes {@code count} mutations into a data dir (no fsync: the content is what counts here). */
  private static void generate(Path dir, int count, long compactBytes) throws IOException {
    try (Store store = Store.open(dir, channel -> { }, compactBytes, Clock.systemUTC())) {
      Cloud cloud = store.cloud();
      int made = 0;
      for (int i = 0; made < count; i++) {
        String vpc = ((CreateVpcResponse) call(cloud, CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build())).vpc().vpcId();
        call(cloud, CreateTagsRequest.builder().resources(vpc).tags(Tag.builder().key("Name").value("ci-" + i).build()).build());
        call(cloud, DeleteVpcRequest.builder().vpcId(vpc).build());
        made += 3;
        if (i % 300 == 299) {
          call(cloud, CreateKeyPairRequest.builder().keyName("ci-" + i).build());
          call(cloud, DeleteKeyPairRequest.builder().keyName("ci-" + i).build());
          made += 2;
        }
      }
    }
  }

  private static Object call(Cloud cloud, SdkRequest request) {
    return cloud.call("111111111111", "us-east-1", "arn:aws:iam::111111111111:root", request);
  }

  /** Main reads one {@code journal.jsonl}: the segments, concatenated. */
  private static void legacyJournal(Path dir) throws IOException {
    List<Path> segments;
    try (Stream<Path> s = Files.list(dir)) {
      segments = s.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve("journal.jsonl"))) {
      for (Path p : segments) {
        Files.copy(p, out);
        Files.delete(p);
      }
    }
  }

  /** {start ms, RSS KiB} of one start of {@code jar}'s serve on {@code dir}. */
  private static long[] start(Path jar, Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-jar", jar.toString(), "serve", "--no-dataplane", "--port", Integer.toString(port), "--data-dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    while (!ServerInfo.healthy("http://127.0.0.1:" + port)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("serve exited on " + dir);
      }
      Thread.sleep(20);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long rss = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    p.destroy();
    p.waitFor();
    return new long[] {millis, rss};
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long[] median(List<long[]> values) {
    List<long[]> sorted = values.stream().sorted((a, b) -> Long.compare(a[0], b[0])).toList();
    return sorted.get(sorted.size() / 2);
  }
}
