package dev.privatelink.bench;

import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.SetnsNamespaces;
import dev.privatelink.stacks.StackClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * How cost grows with the cloud, against a running cloud with its data plane (process {@code pid}):
 * (1) one provider service (an instance with a small HTTP server behind an internal NLB, published
 * as an endpoint service) and N consumer VPCs, each with an interface endpoint to it, made one after
 * the other through the API, N growing 1, 10, 50, 100: per endpoint, the time from
 * CreateVpcEndpoint to {@code available} and to the first byte of an answer read through the
 * endpoint's ENI from the consumer VPC's namespace; (2) instances launched one after the other into
 * one VPC, 10, 100, 200: RunInstances to {@code running}. At each size: the host objects and RSS
 * per unit ({@link HostCensus}) and the API's calls/s and p99 on a mix of calls whose answers do
 * not grow with the cloud. Prints Markdown tables. Usage: {@code ScaleBenchmark ENDPOINT PID}.
 */
public final class ScaleBenchmark {
  static final int PORT = 8080;
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final Duration API_ROUND = Duration.ofSeconds(Long.getLong("apiSeconds", 5));
  private static final Duration API_WARMUP = Duration.ofSeconds(Long.getLong("apiWarmupSeconds", 15));
  private static final List<Integer> ENDPOINTS = sizes("endpoints", "1,10,50,100");
  private static final List<Integer> INSTANCES = sizes("instances", "10,100,200");

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    long pid = Long.parseLong(args[1]);
    try (StackClients provider = new StackClients(endpoint, "111111111111", Region.US_EAST_1);
         StackClients consumer = new StackClients(endpoint, "222222222222", Region.US_EAST_1);
         StackClients fleet = new StackClients(endpoint, "333333333333", Region.US_EAST_1);
         SetnsNamespaces namespaces = new SetnsNamespaces()) {
      String serviceName = provide(provider, "222222222222");
      List<Step> endpoints = new ArrayList<>();
      HostCensus base = HostCensus.of(pid);
      System.err.println("before the endpoints: " + base.totals());
      for (int size : ENDPOINTS) {
        while (endpoints.size() < size) {
          endpoints.add(oneEndpoint(consumer.ec2(), namespaces, serviceName, endpoints.size()));
        }
        HostCensus now = HostCensus.of(pid);
        endpoints.getLast().census = now;
        if (endpoints.size() == ENDPOINTS.getFirst()) {
          api(consumer.ec2(), endpoints.getLast().vpcId, null, API_WARMUP);   // the JIT, before the first figure
        }
        endpoints.getLast().api = api(consumer.ec2(), endpoints.getLast().vpcId, null, API_ROUND);
        System.err.println(size + " endpoints: " + now.totals());
      }
      printEndpoints(endpoints, base);
      List<Step> instances = new ArrayList<>();
      Fleet f = Fleet.make(fleet.ec2());
      HostCensus before = HostCensus.of(pid);
      for (int size : INSTANCES) {
        while (instances.size() < size) {
          instances.add(f.launch(fleet.ec2(), instances.size()));
        }
        instances.getLast().census = HostCensus.of(pid);
        instances.getLast().api = api(fleet.ec2(), f.vpcId(), instances.getFirst().id, API_ROUND);
        System.err.println(size + " instances: " + instances.getLast().census.totals());
      }
      printInstances(instances, before);
    }
  }

  /** One unit made: its VPC, its times in ms (to available or running, to the first byte), and at a size's end the figures. */
  static final class Step {
    final String id;
    final String vpcId;
    final double readyMs;
    final double firstByteMs;
    @Nullable HostCensus census;
    ApiBenchmark.@Nullable Result api;

    Step(String id, String vpcId, double readyMs, double firstByteMs) {
      this.id = id;
      this.vpcId = vpcId;
      this.readyMs = readyMs;
      this.firstByteMs = firstByteMs;
    }
  }

  /** The provider's service; returns its endpoint service name once its target is healthy. */
  private static String provide(StackClients p, String consumerAccount) throws InterruptedException {
    Ec2Client ec2 = p.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
    String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.16.0/20").availabilityZone("us-east-1b")).subnet().subnetId();
    String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(t -> t.ipProtocol("tcp").fromPort(PORT).toPort(PORT)
        .ipRanges(c -> c.cidrIp("10.0.0.0/16"))));
    String userData = "#!/bin/sh\ncd /tmp && nohup python3 -m http.server " + PORT + " >/tmp/http.log 2>&1 &\n";
    String instance = ec2.runInstances(r -> r.imageId(Fleet.image(ec2)).instanceType("t3.micro").minCount(1).maxCount(1)
        .subnetId(a).securityGroupIds(sg)
        .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8))))
        .instances().getFirst().instanceId();
    var elb = p.elb();
    String nlb = elb.createLoadBalancer(r -> r.name("scale-nlb").type("network").scheme("internal").subnets(a, b))
        .loadBalancers().getFirst().loadBalancerArn();
    String tg = elb.createTargetGroup(r -> r.name("scale").protocol("TCP").port(PORT).vpcId(vpc).targetType("instance"))
        .targetGroups().getFirst().targetGroupArn();
    elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(instance).port(PORT)));
    elb.createListener(r -> r.loadBalancerArn(nlb).port(PORT).protocol("TCP")
        .defaultActions(d -> d.type("forward").targetGroupArn(tg)));
    var service = ec2.createVpcEndpointServiceConfiguration(r -> r.acceptanceRequired(false).networkLoadBalancerArns(nlb))
        .serviceConfiguration();
    ec2.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
        .addAllowedPrincipals("arn:aws:iam::" + consumerAccount + ":root"));
    await(System.nanoTime(), "the provider's target healthy", () -> elb.describeTargetHealth(r -> r.targetGroupArn(tg))
        .targetHealthDescriptions().stream().anyMatch(d -> d.targetHealth().state() == TargetHealthStateEnum.HEALTHY));
    return service.serviceName();
  }

  private static Step oneEndpoint(Ec2Client ec2, SetnsNamespaces namespaces, String serviceName, int n)
      throws InterruptedException {
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    long start = System.nanoTime();
    var created = ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc).serviceName(serviceName)
        .subnetIds(subnet)).vpcEndpoint();
    String id = created.vpcEndpointId();
    double ready = await(start, id + " available", () -> ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(id))
        .vpcEndpoints().getFirst().stateAsString().equals("available"));
    String ip = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(created.networkInterfaceIds()))
        .networkInterfaces().getFirst().privateIpAddress();
    String ns = HostNames.vpcNamespace(vpc);
    double first = await(start, "a byte through " + id, () -> firstByte(namespaces, ns, ip));
    System.err.printf("endpoint %d %s: available %.0f ms, first byte %.0f ms%n", n + 1, id, ready, first);
    return new Step(id, vpc, ready, first);
  }

  /** Connects to ip:PORT from inside {@code ns}, asks for / and reads the first byte of the answer. */
  private static boolean firstByte(SetnsNamespaces namespaces, String ns, String ip) {
    try {
      return namespaces.call(ns, () -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(ip, PORT), 1000);
          s.setSoTimeout(2000);
          s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          InputStream in = s.getInputStream();
          return in.read() == 'H';
        } catch (IOException notYet) {
          return false;
        }
      });
    } catch (Exception e) {
      return false;
    }
  }

  /** A VPC to launch the instances into, two subnets of 4 091 addresses each. */
  record Fleet(String vpcId, List<String> subnets, String imageId) {
    static Fleet make(Ec2Client ec2) {
      String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
      List<String> subnets = List.of(
          ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId(),
          ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.16.0/20").availabilityZone("us-east-1b")).subnet().subnetId());
      return new Fleet(vpc, subnets, image(ec2));
    }

    static String image(Ec2Client ec2) {
      return ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023.*-x86_64")))
          .images().getFirst().imageId();
    }

    Step launch(Ec2Client ec2, int n) throws InterruptedException {
      long start = System.nanoTime();
      String id = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.nano").minCount(1).maxCount(1)
          .subnetId(subnets.get(n % 2))).instances().getFirst().instanceId();
      double ms = await(start, id + " running", () -> {
        var s = ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst().state();
        return s.name() == InstanceStateName.RUNNING;
      });
      System.err.printf("instance %d %s: running %.0f ms%n", n + 1, id, ms);
      return new Step(id, vpcId, ms, ms);
    }
  }

  /** Polls every 10 ms until {@code done}; returns the ms since {@code start}. */
  private static double await(long start, String what, BooleanSupplier done) throws InterruptedException {
    while (System.nanoTime() - start < LIMIT.toNanos()) {
      if (done.getAsBoolean()) {
        return (System.nanoTime() - start) / 1e6;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(what + ": not after " + LIMIT);
  }

  /**
   * The API under a mix whose answers stay the same size as the cloud grows: describes narrowed to
   * one VPC (a VPC without instances) or to one instance ({@code instanceId}), tags, groups made and deleted.
   */
  private static ApiBenchmark.Result api(Ec2Client ec2, String vpc, @Nullable String instanceId, Duration duration)
      throws InterruptedException {
    IntConsumer step = dice -> {
      if (dice < 25) {
        ec2.describeVpcs(r -> r.vpcIds(vpc));
      } else if (dice < 45) {
        ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpc)));
      } else if (dice < 55) {
        ec2.createTags(r -> r.resources(vpc).tags(t -> t.key("k" + (dice % 5)).value("v")));
      } else if (dice < 65) {
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("s-" + ThreadLocalRandom.current().nextLong(1L << 62))
            .description("scale")).groupId();
        ec2.deleteSecurityGroup(r -> r.groupId(id));
      } else if (dice < 80) {
        ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc)));
      } else if (dice < 90) {
        ec2.describeVpcEndpoints(r -> r.filters(f -> f.name("vpc-id").values(vpc)));
      } else if (instanceId == null) {
        ec2.describeInstances(r -> r.filters(f -> f.name("vpc-id").values(vpc)));
      } else {
        ec2.describeInstances(r -> r.instanceIds(instanceId));
      }
    };
    return ApiBenchmark.run(step, duration);
  }

  private static void printEndpoints(List<Step> steps, HostCensus base) {
    System.out.println("\n| endpoints | available p50 / p99 ms | first byte p50 / p99 ms | API calls/s | API p99 ms |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    printTimes(steps, true);
    printCensus("endpoint", steps, base);
  }

  private static void printInstances(List<Step> steps, HostCensus base) {
    System.out.println("\n| instances | running p50 / p99 ms | | API calls/s | API p99 ms |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    printTimes(steps, false);
    printCensus("instance", steps, base);
  }

  /** One row per size: the times of the units made since the size before (the marginal cost at that size). */
  private static void printTimes(List<Step> steps, boolean firstByte) {
    int from = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (s.census == null) {
        continue;
      }
      List<Step> made = steps.subList(from, i + 1);
      double[] ready = made.stream().mapToDouble(x -> x.readyMs).sorted().toArray();
      double[] first = made.stream().mapToDouble(x -> x.firstByteMs).sorted().toArray();
      System.out.printf("| %d | %.0f / %.0f | %s | %.0f | %.1f |%n", i + 1, pct(ready, 0.5), pct(ready, 0.99),
          firstByte ? String.format("%.0f / %.0f", pct(first, 0.5), pct(first, 0.99)) : "",
          s.api.perSecond(), s.api.p99());
      from = i + 1;
    }
  }

  private static void printCensus(String unit, List<Step> steps, HostCensus base) {
    System.out.println("\nper " + unit + " (the figures at each size less those before the first, divided by the size):\n");
    System.out.println(HostCensus.perUnitHeader(unit + "s"));
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).census != null) {
        System.out.println("| " + (i + 1) + " | " + steps.get(i).census.perUnit(base, i + 1) + " |");
      }
    }
  }

  private static double pct(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
  }

  private static List<Integer> sizes(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip).map(Integer::parseInt).toList();
  }
}
