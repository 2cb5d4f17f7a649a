package dev.privatelink.bench;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec.Node;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Starts the seed stack's chain for benchmarks, on the host's loopback: an NLB (TCP, target type
 * alb) in front of an ALB (HTTPS, ELBSecurityPolicy-2016-08) in front of one HTTP target. Runs for
 * the given number of seconds, then exits.
 *
 * <p>Usage: {@code BenchLoadBalancers nlbIp:port albIp:port targetIp:port cert.pem key.pem seconds [threads]}
 */
public final class BenchLoadBalancers {
  private BenchLoadBalancers() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: BenchLoadBalancers nlbIp:port albIp:port targetIp:port cert.pem key.pem seconds [threads]");
      System.exit(2);
    }
    String[] nlb = args[0].split(":");
    String[] alb = args[1].split(":");
    String[] target = args[2].split(":");
    CertificateSpec cert = new CertificateSpec("arn:aws:acm:us-east-1:1:certificate/bench",
        Files.readString(Path.of(args[3])), null, Files.readString(Path.of(args[4])));
    int seconds = Integer.parseInt(args[5]);
    int threads = args.length > 6 ? Integer.parseInt(args[6]) : Runtime.getRuntime().availableProcessors();
    String albArn = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/bench/1";
    String albTg = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/bench-web/1";
    String nlbTg = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/bench-alb/2";
    int albPort = Integer.parseInt(alb[1]);
    var forwardAlb = new ActionSpec.Forward(List.of(new ActionSpec.WeightedTargetGroup(albTg, 1)));
    var forwardNlb = new ActionSpec.Forward(List.of(new ActionSpec.WeightedTargetGroup(nlbTg, 1)));
    LoadBalancerSpec albSpec = new LoadBalancerSpec(albArn, "bench", "application", "bench.local", true, 60,
        List.of(new Node("us-east-1a", "subnet-a", "eni-a", alb[0])),
        List.of(new ListenerSpec("arn:listener/app/bench", albPort, "HTTPS", List.of(cert), "ELBSecurityPolicy-2016-08",
            List.of(), 0, forwardAlb, List.of())),
        List.of(new TargetGroupSpec(albTg, "HTTP", Integer.parseInt(target[1]), "instance",
            new HealthCheckSpec(true, "HTTP", -1, "/", 30, 5, 5, 2, "200"), false, 300,
            List.of(new TargetSpec("i-bench", target[0], Integer.parseInt(target[1]), "us-east-1a", false)))));
    LoadBalancerSpec nlbSpec = new LoadBalancerSpec("arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/bench/2",
        "bench-nlb", "network", "bench-nlb.local", false, 0,
        List.of(new Node("us-east-1a", "subnet-a", "eni-n", nlb[0])),
        List.of(new ListenerSpec("arn:listener/net/bench", Integer.parseInt(nlb[1]), "TCP", List.of(), null, List.of(), 350,
            forwardNlb, List.of())),
        List.of(new TargetGroupSpec(nlbTg, "TCP", albPort, "alb",
            new HealthCheckSpec(true, "HTTPS", albPort, "/", 30, 10, 5, 2, "200"), false, 300,
            List.of(new TargetSpec(albArn, alb[0], albPort, "us-east-1a", false)))));
    try (LoadBalancerEngine engine = new LoadBalancerEngine(Namespaces.HOST, printing(), HealthTiming.FAST, threads)) {
      engine.apply("pl-vpc-bench", List.of(albSpec, nlbSpec));
      System.out.println("ready epoll=" + engine.transport().epoll() + " threads=" + threads);
      Thread.sleep(seconds * 1000L);
    }
  }

  private static StatusSink printing() {
    return new StatusSink() {
      @Override public void ready(String id) {}
      @Override public void failed(String id, String reason) {
        System.err.println("failed " + id + ": " + reason);
      }
      @Override public void targetHealth(String tg, String id, int port, String state, @Nullable String reason, @Nullable String desc) {
        System.out.println("health " + id + ":" + port + " " + state + (reason == null ? "" : " " + reason));
      }
      @Override public void consoleOutput(String instanceId, String text) {}
    };
  }
}
