package dev.privatelink.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.MutationLog;
import dev.privatelink.control.StateFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointServiceConfigurationResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * A snapshot of a varied state (instances, key pairs, rules, an NLB with targets, an endpoint
 * service and an endpoint across accounts, console output) reads back into the same state:
 * the same Describe answers, and the same snapshot again.
 */
class StateCodecTest {
  static final String PROVIDER = "111111111111";
  static final String CONSUMER = "222222222222";

  @Test
  void aVariedStateRoundTrips() throws Exception {
    Cloud cloud = new Cloud(MutationLog.NONE, Clock.systemUTC());
    build(cloud);
    ObjectNode tree = cloud.read(StateCodec::encode);
    assertTrue(cloud.read(StateFields::of).size() > 20, "every table is found");

    Cloud restored = Cloud.recovering(MutationLog.NONE, Clock.systemUTC());
    restored.load(features -> {
      try {
        StateCodec.decode(tree, features, path -> { throw new AssertionError("unknown path " + path); });
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    restored.open();
    assertEquals(tree, restored.read(StateCodec::encode));
    for (SdkRequest read : reads()) {
      for (String account : List.of(PROVIDER, CONSUMER)) {
        assertEquals((Object) call(cloud, account, read), call(restored, account, read), read.getClass().getSimpleName());
      }
    }
    var records = software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest.builder().logGroupName("flows").build();
    assertEquals((Object) call(cloud, PROVIDER, records), call(restored, PROVIDER, records));
    assertEquals(1, ((software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse) call(restored, PROVIDER, records))
        .events().size(), "the delivered record survives the snapshot");
    assertSameCertificates(cloud, restored);
  }

  private static void build(Cloud cloud) {
    String vpc = ((CreateVpcResponse) call(cloud, PROVIDER, CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build())).vpc().vpcId();
    List<String> subnets = new ArrayList<>();
    for (String zone : List.of("a", "b")) {
      subnets.add(((CreateSubnetResponse) call(cloud, PROVIDER, CreateSubnetRequest.builder().vpcId(vpc)
          .cidrBlock(zone.equals("a") ? "10.0.1.0/24" : "10.0.2.0/24").availabilityZone("us-east-1" + zone).build()))
          .subnet().subnetId());
    }
    call(cloud, PROVIDER, CreateKeyPairRequest.builder().keyName("k").build());
    String image = ((DescribeImagesResponse) call(cloud, PROVIDER, DescribeImagesRequest.builder().owners("amazon")
        .filters(Filter.builder().name("architecture").values("x86_64").build()).build())).images().getFirst().imageId();
    RunInstancesResponse run = call(cloud, PROVIDER, RunInstancesRequest.builder().imageId(image).instanceType("t3.micro")
        .subnetId(subnets.getFirst()).keyName("k").minCount(2).maxCount(2).userData("IyEvYmluL3NoCmVjaG8gaGk=").build());
    String group = run.instances().getFirst().securityGroups().getFirst().groupId();
    call(cloud, PROVIDER, AuthorizeSecurityGroupIngressRequest.builder().groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(r -> r.cidrIp("0.0.0.0/0")).build()).build());
    run.instances().forEach(i -> cloud.report(new ControlEvent.ResourceReady(i.instanceId())));
    cloud.report(new ControlEvent.ConsoleOutput(run.instances().getFirst().instanceId(), "hello\n"));
    String nlb = ((CreateLoadBalancerResponse) call(cloud, PROVIDER, CreateLoadBalancerRequest.builder().name("nlb")
        .type("network").scheme("internal").subnets(subnets).build())).loadBalancers().getFirst().loadBalancerArn();
    String tg = ((CreateTargetGroupResponse) call(cloud, PROVIDER, CreateTargetGroupRequest.builder().name("tg").protocol("TCP")
        .port(80).vpcId(vpc).targetType("instance").build())).targetGroups().getFirst().targetGroupArn();
    call(cloud, PROVIDER, RegisterTargetsRequest.builder().targetGroupArn(tg).targets(run.instances().stream()
        .map(i -> TargetDescription.builder().id(i.instanceId()).build()).toList()).build());
    call(cloud, PROVIDER, CreateListenerRequest.builder().loadBalancerArn(nlb).protocol("TCP").port(80)
        .defaultActions(a -> a.type("forward").targetGroupArn(tg)).build());
    cloud.report(new ControlEvent.ResourceReady(nlb));
    var config = ((CreateVpcEndpointServiceConfigurationResponse) call(cloud, PROVIDER,
        CreateVpcEndpointServiceConfigurationRequest.builder().networkLoadBalancerArns(nlb).acceptanceRequired(false).build()))
        .serviceConfiguration();
    String service = config.serviceName();
    cloud.report(new ControlEvent.ResourceReady(config.serviceId()));
    call(cloud, PROVIDER, software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServicePermissionsRequest.builder()
        .serviceId(config.serviceId()).addAllowedPrincipals("arn:aws:iam::" + CONSUMER + ":root").build());
    String consumerVpc = ((CreateVpcResponse) call(cloud, CONSUMER, CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build()))
        .vpc().vpcId();
    String consumerSubnet = ((CreateSubnetResponse) call(cloud, CONSUMER, CreateSubnetRequest.builder().vpcId(consumerVpc)
        .cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a").build())).subnet().subnetId();
    call(cloud, CONSUMER, CreateVpcEndpointRequest.builder().vpcId(consumerVpc).serviceName(service)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(consumerSubnet).build());
    call(cloud, PROVIDER, software.amazon.awssdk.services.ec2.model.CreateFlowLogsRequest.builder().resourceType("VPC")
        .resourceIds(vpc).trafficType("ALL").logGroupName("flows").deliverLogsPermissionArn("arn:aws:iam::111111111111:role/f")
        .build());
    String eni = run.instances().getFirst().networkInterfaces().getFirst().networkInterfaceId();
    long t = java.time.Instant.now().getEpochSecond();
    cloud.report(new ControlEvent.FlowsObserved(List.of(new ControlEvent.ObservedFlow(eni, true, "10.0.1.9", "10.0.1.10",
        40000, 80, 6, 4, 300, t, t + 5, true, 2))));
    call(cloud, PROVIDER, software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest.builder()
        .logGroupName("flows").retentionInDays(7).build());
    var pem = dev.privatelink.stacks.SelfSignedCertificate.create("example.com", "Example", java.time.Duration.ofDays(30));
    call(cloud, PROVIDER, software.amazon.awssdk.services.acm.model.ImportCertificateRequest.builder()
        .certificate(software.amazon.awssdk.core.SdkBytes.fromUtf8String(pem.certificatePem()))
        .privateKey(software.amazon.awssdk.core.SdkBytes.fromUtf8String(pem.privateKeyPem())).build());
    call(cloud, PROVIDER, software.amazon.awssdk.services.acm.model.RequestCertificateRequest.builder()
        .domainName("issued.example.com").build());
  }

  /** Certificates keep their material (PEM texts) through a snapshot, imported or issued here. */
  private static void assertSameCertificates(Cloud cloud, Cloud restored) {
    software.amazon.awssdk.services.acm.model.ListCertificatesResponse list = call(cloud, PROVIDER,
        software.amazon.awssdk.services.acm.model.ListCertificatesRequest.builder().build());
    assertEquals(2, list.certificateSummaryList().size(), list.toString());
    for (var summary : list.certificateSummaryList()) {
      var get = software.amazon.awssdk.services.acm.model.GetCertificateRequest.builder().certificateArn(summary.certificateArn())
          .build();
      assertEquals((Object) call(cloud, PROVIDER, get), call(restored, PROVIDER, get), summary.certificateArn());
    }
  }

  private static List<SdkRequest> reads() {
    return List.of(DescribeInstancesRequest.builder().build(), DescribeKeyPairsRequest.builder().includePublicKey(true).build(),
        DescribeNetworkInterfacesRequest.builder().build(), DescribeRouteTablesRequest.builder().build(),
        DescribeSecurityGroupsRequest.builder().build(), DescribeVpcEndpointsRequest.builder().build(),
        DescribeVpcEndpointServiceConfigurationsRequest.builder().build(), DescribeLoadBalancersRequest.builder().build(),
        DescribeTargetGroupsRequest.builder().build(), software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest.builder().build(),
        software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest.builder().build());
  }

  @SuppressWarnings("unchecked")
  private static <T extends SdkResponse> T call(Cloud cloud, String account, SdkRequest request) {
    return (T) cloud.call(account, "us-east-1", "arn:aws:iam::" + account + ":root", request);
  }
}
