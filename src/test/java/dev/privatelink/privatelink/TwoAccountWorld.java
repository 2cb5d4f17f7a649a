package dev.privatelink.privatelink;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.stacks.StackClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * A provider account with a service (a Proxy-Protocol-v2-aware echo server on an instance, behind
 * an NLB whose target group enables proxy protocol v2) published as an endpoint service that
 * requires acceptance, and a consumer account with a VPC of the same CIDR and an instance: built
 * through the AWS SDK, as a user would.
 */
final class TwoAccountWorld {
  static final String PROVIDER = "111111111111";
  static final String CONSUMER = "222222222222";
  static final int PORT = 8080;
  final StackClients provider;
  final StackClients consumer;
  final Path dataDir;
  String providerInstance;
  String providerInstanceIp;
  String serviceId;
  String serviceName;
  String consumerVpc;
  List<String> consumerSubnets;
  String consumerInstance;
  String allowGroup;
  String wrongGroup;
  List<String> nlbNodeIps;
  String nlbArn;

  TwoAccountWorld(StackClients provider, StackClients consumer, Path dataDir) {
    this.provider = provider;
    this.consumer = consumer;
    this.dataDir = dataDir;
  }

  void build() throws IOException {
    var ec2 = provider.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
    String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.16.0/20").availabilityZone("us-east-1b")).subnet().subnetId();
    String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("echo").description("echo")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(tcp(PORT, "10.0.0.0/16")));
    String image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    String userData = userData();
    var instance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(a)
        .securityGroupIds(sg).userData(userData)).instances().getFirst();
    providerInstance = instance.instanceId();
    providerInstanceIp = instance.privateIpAddress();
    var elb = provider.elb();
    var nlb = elb.createLoadBalancer(r -> r.name("echo-nlb").type("network").scheme("internal").subnets(a, b))
        .loadBalancers().getFirst();
    nlbArn = nlb.loadBalancerArn();
    String tg = elb.createTargetGroup(r -> r.name("echo").protocol("TCP").port(PORT).vpcId(vpc).targetType("instance"))
        .targetGroups().getFirst().targetGroupArn();
    elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg).attributes(
        TargetGroupAttribute.builder().key("proxy_protocol_v2.enabled").value("true").build()));
    elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(providerInstance).port(PORT)));
    elb.createListener(r -> r.loadBalancerArn(nlb.loadBalancerArn()).port(PORT).protocol("TCP")
        .defaultActions(d -> d.type("forward").targetGroupArn(tg)));
    nlbNodeIps = ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("interface-type").values("network_load_balancer")))
        .networkInterfaces().stream().map(n -> n.privateIpAddress()).toList();
    var service = ec2.createVpcEndpointServiceConfiguration(r -> r.acceptanceRequired(true)
        .networkLoadBalancerArns(nlb.loadBalancerArn())).serviceConfiguration();
    serviceId = service.serviceId();
    serviceName = service.serviceName();
    buildConsumer();
    await("provider instance running", () -> running(provider, providerInstance));
    await("consumer instance running", () -> running(consumer, consumerInstance));
    await("echo server up", () -> {
      try {
        return run(provider, providerInstance, "ss", "-ltn").contains(":" + PORT);
      } catch (IOException e) {
        return false;
      }
    });
  }

  private void buildConsumer() {
    var ec2 = consumer.ec2();
    consumerVpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    ec2.modifyVpcAttribute(r -> r.vpcId(consumerVpc).enableDnsHostnames(v -> v.value(true)));
    String a = ec2.createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("10.0.0.0/20").availabilityZone("us-east-1a")).subnet().subnetId();
    String b = ec2.createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("10.0.16.0/20").availabilityZone("us-east-1b")).subnet().subnetId();
    consumerSubnets = List.of(a, b);
    allowGroup = ec2.createSecurityGroup(r -> r.vpcId(consumerVpc).groupName("endpoint").description("endpoint")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(allowGroup).ipPermissions(tcp(PORT, "10.0.0.0/16")));
    wrongGroup = ec2.createSecurityGroup(r -> r.vpcId(consumerVpc).groupName("wrong").description("wrong")).groupId();
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(wrongGroup).ipPermissions(tcp(9999, "10.0.0.0/16")));
    String image = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
    consumerInstance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(a))
        .instances().getFirst().instanceId();
  }

  private static IpPermission tcp(int port, String cidr) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
  }

  private static String userData() throws IOException {
    String server = resource("ppv2-echo.py");
    String script = "#!/bin/sh\ncat > /tmp/ppv2-echo.py <<'PYEOF'\n" + server + "PYEOF\n"
        + "nohup python3 /tmp/ppv2-echo.py > /tmp/ppv2-echo.log 2>&1 &\necho echo server started\n";
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = TwoAccountWorld.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Connects from the consumer instance to host:port and returns what the far end said first. */
  String probeFromConsumer(String host) throws IOException {
    return run(consumer, consumerInstance, "python3", "-c", resource("probe.py"), host, Integer.toString(PORT)).strip();
  }

  /** Starts a held connection from the consumer instance; its output ends with "ended: …" once closed. */
  Process holdFromConsumer(String host) throws IOException {
    return InstanceRuntime.execFromOutside(dataDir, consumerInstance,
        List.of("python3", "-c", resource("probe.py"), host, Integer.toString(PORT), "hold"), false)
        .redirectErrorStream(true).start();
  }

  String run(StackClients account, String instanceId, String... command) throws IOException {
    Process p = InstanceRuntime.execFromOutside(dataDir, instanceId, List.of(command), false).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  String endpointState(String endpointId) {
    return consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst().stateAsString();
  }

  String regionalName(String endpointId) {
    return consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst()
        .dnsEntries().getFirst().dnsName();
  }

  List<String> endpointIps(String endpointId) {
    var ids = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst().networkInterfaceIds();
    return consumer.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(ids)).networkInterfaces().stream()
        .map(n -> n.privateIpAddress()).toList();
  }

  /** The address of the endpoint's ENI in one zone. */
  String endpointIp(String endpointId, String zone) {
    var ids = consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst().networkInterfaceIds();
    return consumer.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(ids)).networkInterfaces().stream()
        .filter(n -> n.availabilityZone().equals(zone)).findFirst().orElseThrow().privateIpAddress();
  }

  String consumerIp() {
    return consumer.ec2().describeInstances(r -> r.instanceIds(consumerInstance)).reservations().getFirst().instances()
        .getFirst().privateIpAddress();
  }

  private static boolean running(StackClients c, String id) {
    return "running".equals(c.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
        .getFirst().state().nameAsString());
  }

  /** Polls until done, failing after a minute: waiting on AWS-style asynchronous states, not timing them. */
  static void await(String what, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
