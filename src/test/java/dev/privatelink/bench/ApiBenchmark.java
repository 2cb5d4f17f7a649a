package dev.privatelink.bench;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.testing.MotoServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * API calls per second and latency for a mixed workload (describes, tag changes, security groups
 * made and deleted) through the AWS SDK, against privatelink-local and against moto's server in the
 * same run, on this machine. Run with {@code bench/api.sh}; prints a Markdown table.
 */
public final class ApiBenchmark {
  private static final int THREADS = Integer.getInteger("threads", 4);
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("warmupSeconds", 5));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("seconds", 15));

  public static void main(String[] args) throws Exception {
    var dir = Files.createTempDirectory("privatelink-bench");
    try (LocalCloud ours = LocalCloud.start(
        ServerOptions.builder(dir).port(0).hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).build())) {
      MotoServer moto = new MotoServer();
      moto.start();
      try {
        Result a = measure("privatelink-local", URI.create(ours.endpoint()));
        Result b = measure("moto " + motoVersion(), moto.endpoint());
        System.out.println("| server | calls/s | p50 ms | p99 ms | errors |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        System.out.println(a.row());
        System.out.println(b.row());
        System.out.printf("%nratios (privatelink-local / moto): throughput %.1fx, p50 %.2f, p99 %.2f (%d client threads, %d s)%n",
            a.perSecond() / b.perSecond(), a.p50() / b.p50(), a.p99() / b.p99(), THREADS, MEASURE.toSeconds());
      } finally {
        moto.stop();
      }
    }
  }

  record Result(String name, long calls, long errors, double seconds, double[] latenciesMs) {
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
      return String.format("| %s | %.0f | %.2f | %.2f | %d |", name, perSecond(), p50(), p99(), errors);
    }
  }

  private static Result measure(String name, URI endpoint) throws Exception {
    var http = UrlConnectionHttpClient.create();
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "secret"));
    try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).httpClient(http).build();
         var elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).httpClient(http).build()) {
      String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
      for (int i = 0; i < 4; i++) {
        int n = i;
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0." + n + ".0/24").availabilityZone("us-east-1a"));
      }
      Workload workload = new Workload(ec2, elb, vpc);
      run(workload, WARMUP, new ArrayList<>(), new long[1]);
      List<double[]> perThread = new ArrayList<>();
      long[] errors = new long[1];
      long start = System.nanoTime();
      run(workload, MEASURE, perThread, errors);
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] all = perThread.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
      return new Result(name, all.length, errors[0], seconds, all);
    } finally {
      http.close();
    }
  }

  private static void run(Workload workload, Duration duration, List<double[]> out, long[] errors) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    List<double[]> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < THREADS; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        double[] lat = new double[1 << 16];
        int n = 0;
        long errs = 0;
        while (!stop.get()) {
          long begin = System.nanoTime();
          try {
            workload.step(ThreadLocalRandom.current().nextInt(100));
          } catch (RuntimeException e) {
            errs++;
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = (System.nanoTime() - begin) / 1e6;
        }
        results.add(Arrays.copyOf(lat, n));
        synchronized (errors) {
          errors[0] += errs;
        }
      }));
    }
    Thread.sleep(duration.toMillis());
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    out.addAll(results);
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
