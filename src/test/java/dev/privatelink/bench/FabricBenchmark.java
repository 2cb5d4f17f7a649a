package dev.privatelink.bench;

import dev.privatelink.stacks.StackClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The control half of {@code bench/fabric.sh}: against a running cloud with its data plane, makes a
 * VPC with two subnets in two zones and launches instances one after the other, alternating
 * subnets, timing each from the RunInstances call to the first DescribeInstances that says
 * {@code running}. Prints lines for the script: {@code VPC id}, {@code INSTANCE id ip subnet ms} per
 * instance, then {@code LAUNCH_MS p50 max}. Usage: {@code FabricBenchmark ENDPOINT [instances]}.
 */
public final class FabricBenchmark {
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private FabricBenchmark() {}

  public static void main(String[] args) throws InterruptedException {
    URI endpoint = URI.create(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (StackClients c = new StackClients(endpoint, "000000000000", Region.US_EAST_1)) {
      Ec2Client ec2 = c.ec2();
      String vpcId = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
      System.out.println("VPC " + vpcId);
      List<String> subnets = List.of(
          ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.20.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId(),
          ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.20.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId());
      String imageId = ec2.describeImages(r -> r.owners("amazon").filters(
          Filter.builder().name("name").values("al2023-ami-2023.*-x86_64").build())).images().getFirst().imageId();
      List<Long> millis = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        String subnet = subnets.get(n % 2);
        long start = System.nanoTime();
        // No security group named: the VPC's default group, which admits traffic from its own members.
        String id = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.nano").minCount(1).maxCount(1)
            .subnetId(subnet)).instances().getFirst().instanceId();
        Instance running = awaitRunning(ec2, id, start);
        long ms = (System.nanoTime() - start) / 1_000_000;
        millis.add(ms);
        System.out.println("INSTANCE " + id + " " + running.privateIpAddress() + " " + subnet + " " + ms);
      }
      millis.sort(null);
      System.out.println("LAUNCH_MS " + millis.get((millis.size() - 1) / 2) + " " + millis.getLast());
    }
  }

  private static Instance awaitRunning(Ec2Client ec2, String id, long start) throws InterruptedException {
    while (System.nanoTime() - start < LIMIT.toNanos()) {
      Instance i = ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
      if (i.state().name() == InstanceStateName.RUNNING) {
        return i;
      }
      Thread.sleep(POLL);
    }
    throw new IllegalStateException(id + " was not running after " + LIMIT);
  }
}
