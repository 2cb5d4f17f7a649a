package dev.privatelink.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.testing.LocalCloudExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * Every delete or modify of a seed resource that another resource depends on, through the SDK:
 * each fails as AWS fails, and changes nothing (the state version stays, and a second apply of
 * the seed finds everything as it was). The rows:
 * <ol>
 *   <li>DeleteLoadBalancer of the NLB behind the endpoint service: ResourceInUse ("… currently
 *       associated with another service").</li>
 *   <li>CreateVpcEndpointServiceConfiguration naming that NLB again: InvalidParameter (one service
 *       per load balancer).</li>
 *   <li>DeleteTargetGroup of the ALB's instance target group and of the NLB's {@code alb} target
 *       group, both used by listeners: ResourceInUse.</li>
 *   <li>DeleteVpcEndpointServiceConfigurations while the consumer's endpoint is available: the
 *       service is reported unsuccessful and stays.</li>
 *   <li>DeleteVpc of the provider VPC, DeleteSubnet of a subnet with instances and load balancer
 *       nodes, DeleteSecurityGroup of a group used by an instance: DependencyViolation.</li>
 *   <li>DeleteCertificate of the certificate the ALB's listener serves: ResourceInUseException.</li>
 *   <li>TerminateInstances of an instance launched with DisableApiTermination, or of the service
 *       instance after ModifyInstanceAttribute set it: OperationNotPermitted, and the instance keeps
 *       running.</li>
 *   <li>StopInstances of the ALB's target: the instance settles to stopped and its target is unused
 *       (Target.InvalidState, "Target is in the stopped state"); StartInstances makes it running
 *       with the same private IP, and its target leaves the unused state.</li>
 * </ol>
 */
class DependencyMatrixTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  static final String ACCOUNT = "000000000000";
  static SeedOutputs seed;
  static StackClients aws;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), ACCOUNT, ACCOUNT, Progress.silent(), false).apply();
    aws = CLOUD.clients(ACCOUNT);
  }

  @Test
  void theNlbOfAnEndpointServiceIsInUse() {
    String nlb = loadBalancerArn("service-nlb");
    AwsServiceException e = fails("ResourceInUse", () -> aws.elb().deleteLoadBalancer(r -> r.loadBalancerArn(nlb)));
    assertEquals("Load balancer '" + nlb + "' cannot be deleted because it is currently associated with another service",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void aSecondEndpointServiceOnTheSameNlbIsRefused() {
    String nlb = loadBalancerArn("service-nlb");
    AwsServiceException e = fails("InvalidParameter", () -> aws.ec2().createVpcEndpointServiceConfiguration(
        r -> r.networkLoadBalancerArns(nlb).acceptanceRequired(false)));
    assertTrue(e.awsErrorDetails().errorMessage().contains(nlb), e.awsErrorDetails().errorMessage());
  }

  @Test
  void targetGroupsUsedByListenersAreInUse() {
    for (String name : List.of("service", "service-nlb")) {
      String arn = aws.elb().describeTargetGroups(r -> r.names(name)).targetGroups().getFirst().targetGroupArn();
      fails("ResourceInUse", () -> aws.elb().deleteTargetGroup(r -> r.targetGroupArn(arn)));
    }
  }

  @Test
  void aServiceWithAnAvailableEndpointIsNotDeleted() {
    String serviceId = aws.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().getFirst().serviceId();
    CLOUD.quiesce();
    long before = version();
    var unsuccessful = aws.ec2().deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)).unsuccessful();
    assertEquals(List.of(serviceId), unsuccessful.stream().map(u -> u.resourceId()).toList());
    assertTrue(version() - before <= 1, "at most the empty write of the call itself");
    assertEquals(List.of(serviceId), aws.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().stream()
        .map(c -> c.serviceId()).toList());
  }

  @Test
  void networkResourcesInUseAreDependencyViolations() {
    Instance service = instance(seed.serviceInstanceId());
    fails("DependencyViolation", () -> aws.ec2().deleteVpc(r -> r.vpcId(service.vpcId())));
    fails("DependencyViolation", () -> aws.ec2().deleteSubnet(r -> r.subnetId(service.subnetId())));
    String group = service.securityGroups().getFirst().groupId();
    fails("DependencyViolation", () -> aws.ec2().deleteSecurityGroup(r -> r.groupId(group)));
  }

  @Test
  void theListenersCertificateIsInUse() {
    String cert = aws.acm().listCertificates().certificateSummaryList().getFirst().certificateArn();
    fails("ResourceInUseException", () -> aws.acm().deleteCertificate(r -> r.certificateArn(cert)));
  }

  @Test
  void aProtectedInstanceIsNotTerminated() {
    Instance service = instance(seed.serviceInstanceId());
    String id = aws.ec2().runInstances(r -> r.imageId(service.imageId()).instanceType("t3.micro")
        .subnetId(service.subnetId()).minCount(1).maxCount(1).disableApiTermination(true))
        .instances().getFirst().instanceId();
    AwsServiceException e = fails("OperationNotPermitted", () -> aws.ec2().terminateInstances(r -> r.instanceIds(id)));
    assertTrue(e.awsErrorDetails().errorMessage().contains("disableApiTermination"), e.awsErrorDetails().errorMessage());
    CLOUD.quiesce();
    assertFalse(instance(id).state().name() == InstanceStateName.TERMINATED);

    String seeded = seed.serviceInstanceId();
    aws.ec2().modifyInstanceAttribute(r -> r.instanceId(seeded).disableApiTermination(a -> a.value(true)));
    fails("OperationNotPermitted", () -> aws.ec2().terminateInstances(r -> r.instanceIds(seeded)));
    aws.ec2().modifyInstanceAttribute(r -> r.instanceId(seeded).disableApiTermination(a -> a.value(false)));
  }

  @Test
  void aStoppedTargetIsUnusedUntilStarted() {
    String id = seed.serviceInstanceId();
    String ip = instance(id).privateIpAddress();
    aws.ec2().stopInstances(r -> r.instanceIds(id));
    CLOUD.quiesce();
    assertEquals(InstanceStateName.STOPPED, instance(id).state().name());
    var health = serviceTargetHealth();
    assertEquals("unused", health.stateAsString());
    assertEquals("Target.InvalidState", health.reasonAsString());
    assertEquals("Target is in the stopped state", health.description());
    aws.ec2().startInstances(r -> r.instanceIds(id));
    CLOUD.quiesce();
    assertEquals(InstanceStateName.RUNNING, instance(id).state().name());
    assertEquals(ip, instance(id).privateIpAddress());
    assertFalse("Target.InvalidState".equals(serviceTargetHealth().reasonAsString()));
  }

  private static software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth serviceTargetHealth() {
    String arn = aws.elb().describeTargetGroups(r -> r.names("service")).targetGroups().getFirst().targetGroupArn();
    return aws.elb().describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().getFirst().targetHealth();
  }

  /** Asserts the call fails with {@code code}, changes nothing, and leaves the seed as it was. */
  private static AwsServiceException fails(String code, Executable call) {
    CLOUD.quiesce();
    long before = version();
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(before, version(), "a refused call changes nothing");
    SeedOutputs again = new SeedStack(CLOUD.endpoint(), ACCOUNT, ACCOUNT, Progress.silent(), false).apply();
    assertEquals(seed.vpcEndpointId(), again.vpcEndpointId());
    assertEquals(seed.consumerEndpointDnsNames(), again.consumerEndpointDnsNames());
    return e;
  }

  private static long version() {
    return CLOUD.cloud().cloud().version();
  }

  private static String loadBalancerArn(String name) {
    return aws.elb().describeLoadBalancers(r -> r.names(name)).loadBalancers().getFirst().loadBalancerArn();
  }

  private static Instance instance(String id) {
    return aws.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
  }
}
