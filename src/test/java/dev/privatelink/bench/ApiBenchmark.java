package dev.privatelink.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * API calls per second and latency for a mixed workload (describes, tag changes, security groups
 * made and deleted) through the AWS SDK, against privatelink-local and against moto's server in the
 * same run, on this machine. Each server runs in its own process pinned to one CPU ({@code
 * -DserverCpus}, default 1) while {@code bench/api.sh} pins this JVM, the load generator, to the
 * other, so the client's CPU is never the server's. After a warm-up of each, the rounds interleave
 * (ours, moto, moto, ours, ...) so that load from elsewhere on the machine falls on both alike; each
 * round and the total are printed with their ratios as Markdown tables. Run with {@code bench/api.sh}.
 *
 * <p>The clients use the HTTP client the SDK picks by default ({@code apache5-client}); {@code
 * -Dhttp=urlconnection} uses the JDK's instead, which before each POST on a kept-alive connection
 * waits up to 1 ms in a read to see whether the server closed it, so that on loopback the client's
 * own wait, not either server, sets much of the pace.
 */
public final class ApiBenchmark {
  private static final int THREADS = Integer.getInteger("threads", 4);
  private static final int ROUNDS = Integer.getInteger("rounds", 4);
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("warmupSeconds", 30));
  /** The most the warm-up goes on after {@link #WARMUP} while the server's CPU per call still moves. */
  private static final Duration WARMUP_MORE = Duration.ofSeconds(Long.getLong("warmupMoreSeconds", 60));
  private static final Duration ROUND = Duration.ofSeconds(Long.getLong("seconds", 10));
  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();
  private static final String CLIENT_THREAD = "bench-client-";
  /** The CPUs the servers are pinned to; bench/api.sh pins this JVM, the load generator, to the others. */
  private static final String SERVER_CPUS = System.getProperty("serverCpus", "1");
  private static final String HTTP_CLIENT = System.getProperty("http", "apache5");

  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    var dir = Files.createTempDirectory("privatelink-bench");
    try (PinnedServer ours = PinnedServer.start(SERVER_CPUS, oursCommand(dir));
         PinnedServer moto = PinnedServer.start(SERVER_CPUS,
             List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "PORT"));
         Target a = Target.open("privatelink-local", ours);
         Target b = Target.open("moto " + motoVersion(), moto)) {
      warmUp(a);
      warmUp(b);
      List<Result> rounds = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        // Alternate which server goes first, so neither always follows the other.
        Target first = r % 2 == 0 ? a : b;
        Target second = r % 2 == 0 ? b : a;
        Result x = timed(first, r + 1);
        Result y = timed(second, r + 1);
        rounds.add(first == a ? x : y);
        rounds.add(first == a ? y : x);
      }
      print(rounds, a.name(), b.name());
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Our server as {@code privatelink serve --no-dataplane} starts it, from this JVM's class path,
   * with the launcher's JVM options for {@code serve}; {@code -Djfr=file.jfr} records it.
   */
  private static List<String> oursCommand(java.nio.file.Path dir) {
    List<String> command = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Dio.netty.noUnsafe=false"));
    String jfr = System.getProperty("jfr", "");
    if (!jfr.isEmpty()) {
      command.addAll(List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile", "-XX:FlightRecorderOptions=stackdepth=256"));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.privatelink.cli.Main", "serve", "--no-dataplane",
        "--port", "PORT", "--data-dir", dir.resolve("data").toString()));
    return command;
  }

  /**
   * Runs the workload for {@link #WARMUP}, then in 5 s slices until the server's CPU per call stops
   * falling (two slices within 10 % of each other) or {@link #WARMUP_MORE} has passed: on one busy
   * core a JIT may still be compiling after a fixed warm-up, and a round measured then says more
   * about the machine's load than about the server. Each slice goes to stderr.
   */
  private static void warmUp(Target target) throws InterruptedException {
    run(target.workload()::step, WARMUP);
    long deadline = System.nanoTime() + WARMUP_MORE.toNanos();
    double last = Double.MAX_VALUE;
    while (System.nanoTime() < deadline) {
      long cpu = target.cpuNanos().getAsLong();
      Result slice = run(target.workload()::step, Duration.ofSeconds(5));
      double perCall = (target.cpuNanos().getAsLong() - cpu) / 1e6 / Math.max(1, slice.calls());
      System.err.printf("WARMUP %s %.3f ms of server CPU per call%n", target.name(), perCall);
      if (perCall > last * 0.9 && perCall < last * 1.1) {
        return;
      }
      last = perCall;
    }
  }

  /** A measured round; its wall-clock span goes to stderr, to line a profile's samples up with the servers. */
  private static Result timed(Target target, int round) throws InterruptedException {
    java.time.Instant begin = java.time.Instant.now();
    long cpu = target.cpuNanos().getAsLong();
    Result raw = run(target.workload()::step, ROUND);
    double serverCpu = (target.cpuNanos().getAsLong() - cpu) / 1e6;
    Result result = raw.named(target.name(), round, serverCpu);
    System.err.println("ROUND " + round + " " + target.name().split(" ")[0] + " " + begin + " " + java.time.Instant.now());
    return result;
  }

  private static void print(List<Result> rounds, String ours, String theirs) {
    System.out.printf("%d client threads, SDK HTTP client %s, %d s rounds%n%n", THREADS, HTTP_CLIENT, ROUND.toSeconds());
    System.out.println("| round | server | calls/s | p50 ms | p99 ms | server CPU ms/call | client CPU ms/call | errors |");
    System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    rounds.forEach(r -> System.out.println(r.row()));
    System.out.println();
    System.out.println("| round | throughput ours/moto | p50 ours/moto | p99 ours/moto | moto's server CPU per call / ours |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    for (int i = 0; i < rounds.size(); i += 2) {
      System.out.println(ratioRow(Integer.toString(rounds.get(i).round()), rounds.get(i), rounds.get(i + 1)));
    }
    Result a = Result.merge(ours, rounds.stream().filter(r -> r.name().equals(ours)).toList());
    Result b = Result.merge(theirs, rounds.stream().filter(r -> r.name().equals(theirs)).toList());
    System.out.println(ratioRow("total", a, b));
    System.out.println();
    System.out.println("| server (all rounds) | calls/s | p50 ms | p99 ms | server CPU ms/call | client CPU ms/call | errors |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    System.out.println(a.row().substring(a.row().indexOf('|', 1)));
    System.out.println(b.row().substring(b.row().indexOf('|', 1)));
    System.out.printf("%n%d interleaved rounds of %d s, %d client threads; servers pinned to CPU %s, the client to CPU %s%n",
        ROUNDS, ROUND.toSeconds(), THREADS, SERVER_CPUS, System.getProperty("clientCpus", "?"));
  }

  private static String ratioRow(String label, Result ours, Result moto) {
    return String.format("| %s | %.1fx | %.2f | %.2f | %.1fx |", label, ours.perSecond() / moto.perSecond(),
        ours.p50() / moto.p50(), ours.p99() / moto.p99(), moto.serverCpuPerCall() / ours.serverCpuPerCall());
  }

  /**
   * One measured stretch; {@code clientCpuMs} is the CPU time of the client threads, {@code serverCpuMs} that of the
   * server's whole process (JIT and GC included), from {@code /proc}.
   */
  record Result(String name, int round, long calls, long errors, double seconds, double[] latenciesMs,
      double clientCpuMs, double serverCpuMs) {
    Result named(String n, int r, double serverCpu) {
      return new Result(n, r, calls, errors, seconds, latenciesMs, clientCpuMs, serverCpu);
    }

    static Result merge(String name, List<Result> parts) {
      double[] all = parts.stream().flatMapToDouble(p -> Arrays.stream(p.latenciesMs())).sorted().toArray();
      return new Result(name, 0, all.length, parts.stream().mapToLong(Result::errors).sum(),
          parts.stream().mapToDouble(Result::seconds).sum(), all, parts.stream().mapToDouble(Result::clientCpuMs).sum(),
          parts.stream().mapToDouble(Result::serverCpuMs).sum());
    }

    double serverCpuPerCall() {
      return serverCpuMs / calls;
    }

    double clientCpuPerCall() {
      return clientCpuMs / calls;
    }

    double perSecond() {
      return calls / seconds;
    }

    double p50() {
      return percentile(0.50);
    }

    double p99() {
      return percentile(0.99);
    }

    double percentile(double q) {
      return latenciesMs.length == 0 ? Double.NaN : latenciesMs[(int) Math.min(latenciesMs.length - 1, q * latenciesMs.length)];
    }

    String row() {
      return String.format("| %d | %s | %.0f | %.2f | %.2f | %.3f | %.3f | %d |", round, name, perSecond(), p50(), p99(),
          serverCpuPerCall(), clientCpuPerCall(), errors);
    }
  }

  /** One server with its SDK clients and a VPC of four subnets for the workload to act on. */
  private record Target(String name, SdkHttpClient http, Ec2Client ec2, ElasticLoadBalancingV2Client elb, Workload workload,
      java.util.function.LongSupplier cpuNanos) implements AutoCloseable {
    static Target open(String name, PinnedServer server) {
      URI endpoint = server.endpoint();
      SdkHttpClient http = "urlconnection".equals(HTTP_CLIENT) ? UrlConnectionHttpClient.create()
          : Apache5HttpClient.create();
      var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "secret"));
      Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds)
          .httpClient(http).build();
      var elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(creds).httpClient(http).build();
      String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
      for (int i = 0; i < 4; i++) {
        int n = i;
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + n + ".0/24").availabilityZone("us-east-1a"));
      }
      java.util.function.LongSupplier cpu = server::cpuNanos;
      return new Target(name, http, ec2, elb, new Workload(ec2, elb, vpc), cpu);
    }

    @Override
    public void close() {
      ec2.close();
      elb.close();
      http.close();
    }
  }

  static Result run(java.util.function.IntConsumer workload, Duration duration) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    AtomicLong clientCpu = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<double[]> results = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      threads.add(Thread.ofPlatform().name(CLIENT_THREAD, t).start(() -> {
        long cpuStart = THREAD_CPU.getCurrentThreadCpuTime();
        double[] lat = new double[1 << 16];
        int n = 0;
        while (!stop.get()) {
          long begin = System.nanoTime();
          try {
            workload.accept(ThreadLocalRandom.current().nextInt(100));
          } catch (RuntimeException e) {
            errors.incrementAndGet();
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = (System.nanoTime() - begin) / 1e6;
        }
        results.add(Arrays.copyOf(lat, n));
        clientCpu.addAndGet(THREAD_CPU.getCurrentThreadCpuTime() - cpuStart);
      }));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] all = results.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    return new Result("", 0, all.length, errors.get(), seconds, all, clientCpu.get() / 1e6, Double.NaN);
  }

  /** One call of the mix, chosen by a number 0..99. */
  record Workload(Ec2Client ec2, ElasticLoadBalancingV2Client elb, String vpcId) {
    void step(int dice) {
      if (dice < 30) {
        ec2.describeVpcs();
      } else if (dice < 50) {
        ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcId)));
      } else if (dice < 60) {
        ec2.createTags(r -> r.resources(vpcId).tags(t -> t.key("k" + (dice % 5)).value("v")));
      } else if (dice < 70) {
        String name = "bench-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description("bench")).groupId();
        ec2.deleteSecurityGroup(r -> r.groupId(id));
      } else if (dice < 80) {
        ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId)));
      } else if (dice < 90) {
        elb.describeLoadBalancers();
      } else {
        ec2.describeInstances();
      }
    }
  }

  private static String motoVersion() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import moto; print(moto.__version__)").start();
      return new String(p.getInputStream().readAllBytes()).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
