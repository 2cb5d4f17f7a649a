package dev.privatelink.api;

import dev.privatelink.stacks.SelfSignedCertificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every API call the seed makes, in the seed's order, through the AWS SDK: run once against our
 * server and once against moto's, so their answers can be compared call by call. A call a server
 * refuses is recorded as its error, and the sequence goes on.
 */
final class SeedCalls {
  private final Ec2Client ec2;
  private final ElasticLoadBalancingV2Client elb;
  private final AcmClient acm;
  private final StsClient sts;
  private final Map<String, String> failures = new LinkedHashMap<>();

  SeedCalls(Ec2Client ec2, ElasticLoadBalancingV2Client elb, AcmClient acm, StsClient sts) {
    this.ec2 = ec2;
    this.elb = elb;
    this.acm = acm;
    this.sts = sts;
  }

  Map<String, String> failures() {
    return failures;
  }

  void run() {
    call("GetCallerIdentity", () -> sts.getCallerIdentity());
    call("DescribeAvailabilityZones", () -> ec2.describeAvailabilityZones());
    String vpc = call("CreateVpc", () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId());
    call("ModifyVpcAttribute", () -> ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true))));
    call("DescribeVpcs", () -> ec2.describeVpcs(r -> r.vpcIds(vpc)));
    List<String> zones = ec2.describeAvailabilityZones().availabilityZones().stream().map(z -> z.zoneName()).toList();
    String subnetA = call("CreateSubnet", () -> ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/20")
        .availabilityZone(zones.get(0))).subnet().subnetId());
    String subnetB = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.16.0/20").availabilityZone(zones.get(1))).subnet().subnetId();
    call("ModifySubnetAttribute", () -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetA).mapPublicIpOnLaunch(b -> b.value(true))));
    call("DescribeSubnets", () -> ec2.describeSubnets(r -> r.subnetIds(subnetA, subnetB)));
    String igw = call("CreateInternetGateway", () -> ec2.createInternetGateway().internetGateway().internetGatewayId());
    call("AttachInternetGateway", () -> ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc)));
    call("DescribeInternetGateways", () -> ec2.describeInternetGateways(r -> r.internetGatewayIds(igw)));
    String rtb = call("CreateRouteTable", () -> ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId());
    call("CreateRoute", () -> ec2.createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
    call("AssociateRouteTable", () -> ec2.associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetA)));
    call("DescribeRouteTables", () -> ec2.describeRouteTables(r -> r.routeTableIds(rtb)));
    String sg = call("CreateSecurityGroup", () -> ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("service")
        .description("service")).groupId());
    call("AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(
        IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.0.0.0/16").build()).build())));
    call("DescribeSecurityGroups", () -> ec2.describeSecurityGroups(r -> r.groupIds(sg)));
    call("DescribeSecurityGroupRules", () -> ec2.describeSecurityGroupRules(r -> r.filters(Filter.builder().name("group-id").values(sg).build())));
    call("CreateKeyPair", () -> ec2.createKeyPair(r -> r.keyName("demo")));
    call("DescribeKeyPairs", () -> ec2.describeKeyPairs());
    String image = call("DescribeImages", () -> ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId());
    String instance = call("RunInstances", () -> ec2.runInstances(r -> r.imageId(image).instanceType("t3.nano").minCount(1)
        .maxCount(1).subnetId(subnetA).securityGroupIds(sg).keyName("demo")
        .userData(Base64.getEncoder().encodeToString("#!/bin/sh\necho hi\n".getBytes()))).instances().getFirst().instanceId());
    call("DescribeInstances", () -> ec2.describeInstances(r -> r.instanceIds(instance)));
    String alb = call("CreateLoadBalancer", () -> elb.createLoadBalancer(r -> r.name("service-alb").scheme("internal")
        .type("application").subnets(subnetA, subnetB).securityGroups(sg)).loadBalancers().getFirst().loadBalancerArn());
    String dns = elb.describeLoadBalancers(r -> r.loadBalancerArns(alb)).loadBalancers().getFirst().dnsName();
    String tg = call("CreateTargetGroup", () -> elb.createTargetGroup(r -> r.name("service").protocol("HTTP").port(80)
        .vpcId(vpc)).targetGroups().getFirst().targetGroupArn());
    call("RegisterTargets", () -> elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id(instance).port(80))));
    SelfSignedCertificate cert = SelfSignedCertificate.create(dns, "ACME Demos", Duration.ofHours(72));
    String certArn = call("ImportCertificate", () -> acm.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(cert.certificatePem()))
        .privateKey(SdkBytes.fromUtf8String(cert.privateKeyPem()))).certificateArn());
    call("DescribeCertificate", () -> acm.describeCertificate(r -> r.certificateArn(certArn)));
    call("ListCertificates", () -> acm.listCertificates());
    call("ListTagsForCertificate", () -> acm.listTagsForCertificate(r -> r.certificateArn(certArn)));
    call("CreateListener", () -> elb.createListener(r -> r.loadBalancerArn(alb).port(443).protocol("HTTPS")
        .sslPolicy("ELBSecurityPolicy-2016-08").certificates(c -> c.certificateArn(certArn))
        .defaultActions(Action.builder().type("forward").targetGroupArn(tg).build())));
    String nlb = elb.createLoadBalancer(r -> r.name("service-nlb").scheme("internal").type("network")
        .subnets(subnetA, subnetB)).loadBalancers().getFirst().loadBalancerArn();
    call("ModifyLoadBalancerAttributes", () -> elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(nlb).attributes(
        LoadBalancerAttribute.builder().key("load_balancing.cross_zone.enabled").value("false").build())));
    call("DescribeLoadBalancers", () -> elb.describeLoadBalancers(r -> r.loadBalancerArns(alb, nlb)));
    String nlbTg = elb.createTargetGroup(r -> r.name("service-nlb").protocol("TCP").port(443).targetType("alb").vpcId(vpc)
        .healthCheckProtocol("HTTPS").healthCheckPath("/").healthCheckPort("443").matcher(m -> m.httpCode("200")))
        .targetGroups().getFirst().targetGroupArn();
    call("DescribeTargetGroups", () -> elb.describeTargetGroups(r -> r.targetGroupArns(tg, nlbTg)));
    elb.createListener(r -> r.loadBalancerArn(nlb).port(443).protocol("TCP")
        .defaultActions(Action.builder().type("forward").targetGroupArn(nlbTg).build()));
    call("DescribeListeners", () -> elb.describeListeners(r -> r.loadBalancerArn(alb)));
    elb.registerTargets(r -> r.targetGroupArn(nlbTg).targets(t -> t.id(alb).port(443)));
    call("DescribeTargetHealth", () -> elb.describeTargetHealth(r -> r.targetGroupArn(tg)));
    String service = call("CreateVpcEndpointServiceConfiguration", () -> ec2.createVpcEndpointServiceConfiguration(r -> r
        .acceptanceRequired(false).networkLoadBalancerArns(nlb)).serviceConfiguration().serviceId());
    String serviceName = ec2.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service)).serviceConfigurations()
        .getFirst().serviceName();
    call("ModifyVpcEndpointServicePermissions", () -> ec2.modifyVpcEndpointServicePermissions(r -> r.serviceId(service)
        .addAllowedPrincipals("arn:aws:iam::" + sts.getCallerIdentity().account() + ":root")));
    call("DescribeVpcEndpointServicePermissions", () -> ec2.describeVpcEndpointServicePermissions(r -> r.serviceId(service)));
    call("DescribeVpcEndpointServiceConfigurations", () -> ec2.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service)));
    call("DescribeVpcEndpointServices", () -> ec2.describeVpcEndpointServices(r -> r.serviceNames(serviceName)));
    String endpoint = call("CreateVpcEndpoint", () -> ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc)
        .serviceName(serviceName).subnetIds(subnetA, subnetB).securityGroupIds(sg)).vpcEndpoint().vpcEndpointId());
    call("DescribeVpcEndpoints", () -> ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpoint)));
    call("DescribeVpcEndpointConnections", () -> ec2.describeVpcEndpointConnections());
    call("DescribeNetworkInterfaces", () -> ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())));
    call("DeleteVpcEndpoints", () -> ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpoint)));
    call("TerminateInstances", () -> ec2.terminateInstances(r -> r.instanceIds(instance)));
  }

  private <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      failures.put(operation, e.getClass().getSimpleName() + ": " + e.getMessage());
      return null;
    }
  }
}
