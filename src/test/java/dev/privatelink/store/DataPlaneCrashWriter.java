package dev.privatelink.store;

import dev.privatelink.control.Cloud;
import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * The process {@link DataPlaneCrashLoopTest} kills: a whole local cloud, data plane included, on a
 * data dir that snapshots and compacts every few dozen records ({@code -Dprivatelink.compactRecords}
 * on its command line). It prints {@code ready <endpoint>} once it serves, waits for {@code go} and
 * the seed's ids on stdin, then first tears down what earlier runs of the stream left and writes a
 * mixed stream into the seed's two accounts: VPCs with subnets, security groups and rules (most
 * deleted again), instances, network load balancers with target groups and endpoint services, and
 * interface endpoints to the seed's service, each replaced by the next. Every change is printed on
 * stdout once acknowledged, in {@link CrashLoopTest}'s words for VPCs. {@code stop} on stdin
 * instead closes the cloud, which removes its host objects.
 */
public final class DataPlaneCrashWriter {
  static final String PROVIDER = CrashLoopTest.ACCOUNTS.get(0);
  static final String CONSUMER = CrashLoopTest.ACCOUNTS.get(1);
  static final String STREAM_TAG = "crash-stream";
  private final Cloud cloud;
  private final PrintStream out;
  private final Seed seed;
  private @Nullable String instance;
  private @Nullable Nlb nlb;
  private @Nullable String endpoint;
  private @Nullable String keptVpc;

  /** The seed's ids the stream builds on (sent by the test after the seed is up). */
  record Seed(String serviceVpc, String serviceSubnet, String serviceGroup, String imageId, String serviceName,
      String consumerVpc, String consumerSubnet) {
    static Seed parse(String line) {
      String[] w = line.split(" ");
      return new Seed(w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    String line() {
      return String.join(" ", "go", serviceVpc, serviceSubnet, serviceGroup, imageId, serviceName, consumerVpc, consumerSubnet);
    }
  }

  private record Nlb(String targetGroupArn, String loadBalancerArn, String serviceId) {}

  private DataPlaneCrashWriter(Cloud cloud, PrintStream out, Seed seed) {
    this.cloud = cloud;
    this.out = out;
    this.seed = seed;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
    LocalCloud local = LocalCloud.start(ServerOptions.builder(Path.of(args[0])).port(0).build());
    out.println("ready " + local.endpoint());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || line.equals("stop")) {
      local.close();
      out.println("stopped");
      return;
    }
    new DataPlaneCrashWriter(local.cloud(), out, Seed.parse(line)).run(Integer.parseInt(args[1]));
  }

  private void run(int run) throws InterruptedException {
    tearDownEarlierRuns();
    for (int i = 0; ; i++) {
      iteration(run, i);
      Thread.sleep(40); // lets the data plane act between changes, so that kills find its objects half made
    }
  }

  private void iteration(int run, int i) {
    String vpc = vpc(run, i);
    if (i % 4 == 0) {
      replaceInstance();
    } else if (i % 4 == 1) {
      replaceNlb(run, i);
    } else if (i % 4 == 2) {
      replaceEndpoint();
    }
    if (i % 3 == 0) {
      String previous = keptVpc;
      keptVpc = vpc; // lives on, with a namespace, until the next kept one replaces it
      if (previous != null) {
        deleteVpc(previous);
      }
    } else {
      deleteVpc(vpc);
    }
  }

  /** A VPC with a tag, a subnet and a security group with one rule; returns its id. */
  private String vpc(int run, int i) {
    String vpc = call(PROVIDER, CreateVpcRequest.builder().cidrBlock("10." + (20 + i % 200) + ".0.0/16")
        .tagSpecifications(streamTag(ResourceType.VPC)).build(), CreateVpcResponse.class).vpc().vpcId();
    out.println("vpc " + PROVIDER + " " + vpc);
    String name = "dp" + run + "-" + i;
    call(PROVIDER, CreateTagsRequest.builder().resources(vpc).tags(Tag.builder().key("Name").value(name).build()).build(),
        SdkResponse.class);
    out.println("tag " + PROVIDER + " " + vpc + " " + name);
    String subnet = call(PROVIDER, CreateSubnetRequest.builder().vpcId(vpc).cidrBlock("10." + (20 + i % 200) + ".1.0/24")
        .availabilityZone("us-east-1a").build(), CreateSubnetResponse.class).subnet().subnetId();
    out.println("subnet " + PROVIDER + " " + vpc + " " + subnet);
    String group = call(PROVIDER, CreateSecurityGroupRequest.builder().vpcId(vpc).groupName("g" + name).description("stream")
        .build(), CreateSecurityGroupResponse.class).groupId();
    out.println("sg " + PROVIDER + " " + group + " " + vpc);
    call(PROVIDER, AuthorizeSecurityGroupIngressRequest.builder().groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()).build(),
        SdkResponse.class);
    out.println("rule " + PROVIDER + " " + group + " " + vpc);
    return vpc;
  }

  private void deleteVpc(String vpc) {
    out.println("deleting " + PROVIDER + " " + vpc);
    DescribeSecurityGroupsResponse groups = call(PROVIDER, DescribeSecurityGroupsRequest.builder()
        .filters(filter("vpc-id", vpc)).build(), DescribeSecurityGroupsResponse.class);
    groups.securityGroups().stream().filter(g -> !g.groupName().equals("default")).forEach(g ->
        call(PROVIDER, DeleteSecurityGroupRequest.builder().groupId(g.groupId()).build(), SdkResponse.class));
    DescribeSubnetsResponse subnets = call(PROVIDER, DescribeSubnetsRequest.builder().filters(filter("vpc-id", vpc)).build(),
        DescribeSubnetsResponse.class);
    subnets.subnets().forEach(s -> call(PROVIDER, DeleteSubnetRequest.builder().subnetId(s.subnetId()).build(), SdkResponse.class));
    call(PROVIDER, DeleteVpcRequest.builder().vpcId(vpc).build(), SdkResponse.class);
    out.println("deleted " + PROVIDER + " " + vpc);
  }

  /** An instance serving nginx (the seed's user data) in the seed's service subnet; the previous one is terminated. */
  private void replaceInstance() {
    String made = call(PROVIDER, RunInstancesRequest.builder().imageId(seed.imageId()).instanceType(InstanceType.T2_MICRO)
        .minCount(1).maxCount(1).subnetId(seed.serviceSubnet()).securityGroupIds(seed.serviceGroup())
        .userData(java.util.Base64.getEncoder().encodeToString(
            dev.privatelink.stacks.SeedStack.USER_DATA.getBytes(StandardCharsets.UTF_8)))
        .tagSpecifications(streamTag(ResourceType.INSTANCE)).build(), RunInstancesResponse.class)
        .instances().getFirst().instanceId();
    out.println("made instance " + made);
    String previous = instance;
    instance = made;
    if (previous != null) {
      terminate(previous);
    }
  }

  private void terminate(String id) {
    out.println("dropping instance " + id);
    call(PROVIDER, TerminateInstancesRequest.builder().instanceIds(id).build(), SdkResponse.class);
    out.println("dropped instance " + id);
  }

  /** A network load balancer forwarding to the stream's instance, offered as an endpoint service; replaces the previous. */
  private void replaceNlb(int run, int i) {
    String name = "s-" + run + "-" + i;
    String tg = call(PROVIDER, CreateTargetGroupRequest.builder().name(name).protocol(ProtocolEnum.TCP).port(80)
        .vpcId(seed.serviceVpc()).build(), CreateTargetGroupResponse.class).targetGroups().getFirst().targetGroupArn();
    out.println("made targetgroup " + tg);
    if (instance != null) {
      call(PROVIDER, RegisterTargetsRequest.builder().targetGroupArn(tg).targets(TargetDescription.builder().id(instance)
          .port(80).build()).build(), SdkResponse.class);
      out.println("made target " + tg + "|" + instance);
    }
    String lb = call(PROVIDER, CreateLoadBalancerRequest.builder().name(name).type(LoadBalancerTypeEnum.NETWORK)
        .scheme(LoadBalancerSchemeEnum.INTERNAL).subnets(seed.serviceSubnet()).build(), CreateLoadBalancerResponse.class)
        .loadBalancers().getFirst().loadBalancerArn();
    out.println("made loadbalancer " + lb);
    call(PROVIDER, CreateListenerRequest.builder().loadBalancerArn(lb).protocol(ProtocolEnum.TCP).port(80)
        .defaultActions(a -> a.type("forward").targetGroupArn(tg)).build(), SdkResponse.class);
    String service = call(PROVIDER, CreateVpcEndpointServiceConfigurationRequest.builder().acceptanceRequired(false)
        .networkLoadBalancerArns(lb).tagSpecifications(streamTag(ResourceType.VPC_ENDPOINT_SERVICE)).build(),
        CreateVpcEndpointServiceConfigurationResponse.class).serviceConfiguration().serviceId();
    out.println("made service " + service);
    Nlb previous = nlb;
    nlb = new Nlb(tg, lb, service);
    if (previous != null) {
      deleteNlb(previous.serviceId(), previous.loadBalancerArn(), previous.targetGroupArn());
    }
  }

  private void deleteNlb(@Nullable String service, @Nullable String lb, @Nullable String tg) {
    if (service != null) {
      out.println("dropping service " + service);
      call(PROVIDER, DeleteVpcEndpointServiceConfigurationsRequest.builder().serviceIds(service).build(), SdkResponse.class);
      out.println("dropped service " + service);
    }
    if (lb != null) {
      out.println("dropping loadbalancer " + lb);
      call(PROVIDER, DeleteLoadBalancerRequest.builder().loadBalancerArn(lb).build(), SdkResponse.class);
      out.println("dropped loadbalancer " + lb);
    }
    if (tg != null) {
      out.println("dropping targetgroup " + tg);
      call(PROVIDER, DeleteTargetGroupRequest.builder().targetGroupArn(tg).build(), SdkResponse.class);
      out.println("dropped targetgroup " + tg);
    }
  }

  /** An interface endpoint of the consumer to the seed's service; the previous one is deleted. */
  private void replaceEndpoint() {
    String made = call(CONSUMER, CreateVpcEndpointRequest.builder().vpcEndpointType(VpcEndpointType.INTERFACE)
        .vpcId(seed.consumerVpc()).subnetIds(seed.consumerSubnet()).serviceName(seed.serviceName())
        .tagSpecifications(streamTag(ResourceType.VPC_ENDPOINT)).build(), CreateVpcEndpointResponse.class)
        .vpcEndpoint().vpcEndpointId();
    out.println("made endpoint " + made);
    String previous = endpoint;
    endpoint = made;
    if (previous != null) {
      deleteEndpoint(previous);
    }
  }

  private void deleteEndpoint(String id) {
    out.println("dropping endpoint " + id);
    call(CONSUMER, DeleteVpcEndpointsRequest.builder().vpcEndpointIds(id).build(), SdkResponse.class);
    out.println("dropped endpoint " + id);
  }

  /** What earlier runs left of the stream (their last resources, and whatever a kill cut short). */
  private void tearDownEarlierRuns() {
    DescribeVpcEndpointsResponse endpoints = call(CONSUMER, DescribeVpcEndpointsRequest.builder()
        .filters(filter("tag-key", STREAM_TAG)).build(), DescribeVpcEndpointsResponse.class);
    endpoints.vpcEndpoints().stream().filter(e -> !e.stateAsString().startsWith("delet"))
        .forEach(e -> deleteEndpoint(e.vpcEndpointId()));
    DescribeVpcEndpointServiceConfigurationsResponse services = call(PROVIDER, DescribeVpcEndpointServiceConfigurationsRequest
        .builder().filters(filter("tag-key", STREAM_TAG)).build(), DescribeVpcEndpointServiceConfigurationsResponse.class);
    services.serviceConfigurations().forEach(s -> deleteNlb(s.serviceId(), null, null));
    DescribeLoadBalancersResponse lbs = call(PROVIDER, DescribeLoadBalancersRequest.builder().build(),
        DescribeLoadBalancersResponse.class);
    lbs.loadBalancers().stream().filter(l -> l.loadBalancerName().startsWith("s-"))
        .forEach(l -> deleteNlb(null, l.loadBalancerArn(), null));
    DescribeTargetGroupsResponse tgs = call(PROVIDER, DescribeTargetGroupsRequest.builder().build(),
        DescribeTargetGroupsResponse.class);
    tgs.targetGroups().stream().filter(t -> t.targetGroupName().startsWith("s-"))
        .forEach(t -> deleteNlb(null, null, t.targetGroupArn()));
    DescribeInstancesResponse instances = call(PROVIDER, DescribeInstancesRequest.builder()
        .filters(filter("tag-key", STREAM_TAG), filter("instance-state-name", "pending", "running")).build(),
        DescribeInstancesResponse.class);
    instances.reservations().forEach(r -> r.instances().forEach(x -> terminate(x.instanceId())));
    DescribeVpcsResponse vpcs = call(PROVIDER, DescribeVpcsRequest.builder().filters(filter("tag-key", STREAM_TAG)).build(),
        DescribeVpcsResponse.class);
    vpcs.vpcs().forEach(v -> deleteVpc(v.vpcId()));
  }

  private static TagSpecification streamTag(ResourceType type) {
    return TagSpecification.builder().resourceType(type).tags(Tag.builder().key(STREAM_TAG).value("1").build()).build();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(List.of(values)).build();
  }

  private <T extends SdkResponse> T call(String account, SdkRequest request, Class<T> type) {
    return CrashWriter.call(cloud, account, request, type);
  }
}
