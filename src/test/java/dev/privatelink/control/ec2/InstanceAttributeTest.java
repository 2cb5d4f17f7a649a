package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.SecureBlobAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

class InstanceAttributeTest {
  private final Ec2Fixture f = new Ec2Fixture();
  private String vpcId;
  private String instanceId;

  @BeforeEach
  void launch() {
    vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    instanceId = f.run(subnetId).instances().get(0).instanceId();
    f.ready(instanceId);
  }

  private DescribeInstanceAttributeResponse attribute(InstanceAttributeName name) {
    return f.call(DescribeInstanceAttributeRequest.builder().instanceId(instanceId).attribute(name).build());
  }

  private Instance instance() {
    DescribeInstancesResponse r = f.call(DescribeInstancesRequest.builder().instanceIds(instanceId).build());
    return r.reservations().get(0).instances().get(0);
  }

  private void stop() {
    f.call(StopInstancesRequest.builder().instanceIds(instanceId).build());
    f.ready(instanceId);
  }

  private static AttributeBooleanValue yes() {
    return AttributeBooleanValue.builder().value(true).build();
  }

  @Test
  void everyAttributeHasItsValue() {
    assertEquals("t3.nano", attribute(InstanceAttributeName.INSTANCE_TYPE).instanceType().value());
    assertFalse(attribute(InstanceAttributeName.DISABLE_API_TERMINATION).disableApiTermination().value());
    assertFalse(attribute(InstanceAttributeName.DISABLE_API_STOP).disableApiStop().value());
    assertEquals("stop", attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR).instanceInitiatedShutdownBehavior().value());
    assertTrue(attribute(InstanceAttributeName.SOURCE_DEST_CHECK).sourceDestCheck().value());
    assertFalse(attribute(InstanceAttributeName.EBS_OPTIMIZED).ebsOptimized().value());
    assertTrue(attribute(InstanceAttributeName.ENA_SUPPORT).enaSupport().value());
    assertEquals("simple", attribute(InstanceAttributeName.SRIOV_NET_SUPPORT).sriovNetSupport().value());
    assertEquals("/dev/xvda", attribute(InstanceAttributeName.ROOT_DEVICE_NAME).rootDeviceName().value());
    assertEquals(1, attribute(InstanceAttributeName.GROUP_SET).groups().size());
    assertFalse(attribute(InstanceAttributeName.ENCLAVE_OPTIONS).enclaveOptions().enabled());
  }

  @Test
  void disableApiTerminationMakesTerminateFailUntilLifted() {
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId).disableApiTermination(yes()).build());
    assertTrue(attribute(InstanceAttributeName.DISABLE_API_TERMINATION).disableApiTermination().value());
    f.fails("OperationNotPermitted", TerminateInstancesRequest.builder().instanceIds(instanceId).build());
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .attribute(InstanceAttributeName.DISABLE_API_TERMINATION).value("false").build());
    f.call(TerminateInstancesRequest.builder().instanceIds(instanceId).build());
    assertEquals("shutting-down", instance().state().nameAsString());
  }

  @Test
  void disableApiStopMakesStopFail() {
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId).disableApiStop(yes()).build());
    f.fails("OperationNotPermitted", StopInstancesRequest.builder().instanceIds(instanceId).build());
  }

  @Test
  void typeAndUserDataChangeOnlyWhileStopped() {
    var type = ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .instanceType(AttributeValue.builder().value("t3.micro").build()).build();
    var userData = ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .userData(SecureBlobAttributeValue.builder().value(SdkBytes.fromUtf8String("#!/bin/bash\necho hi\n")).build()).build();
    f.fails("IncorrectInstanceState", type);
    f.fails("IncorrectInstanceState", userData);
    stop();
    f.call(type);
    f.call(userData);
    assertEquals("t3.micro", instance().instanceTypeAsString());
    String encoded = attribute(InstanceAttributeName.USER_DATA).userData().value();
    assertEquals("#!/bin/bash\necho hi\n", new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    f.fails("InvalidInstanceAttributeValue", ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .instanceType(AttributeValue.builder().value("t4g.micro").build()).build());
  }

  @Test
  void groupSetReplacesThePrimaryInterfacesGroups() {
    String groupId = f.group(vpcId, "web");
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId).groups(groupId).build());
    assertEquals(groupId, attribute(InstanceAttributeName.GROUP_SET).groups().get(0).groupId());
    assertEquals(groupId, instance().securityGroups().get(0).groupId());
    assertEquals(groupId, instance().networkInterfaces().get(0).groups().get(0).groupId());
    f.fails("InvalidGroup.NotFound", ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .groups("sg-00000000000000000").build());
  }

  @Test
  void oneAttributePerCallAndValidValuesOnly() {
    f.fails("InvalidParameterCombination", ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .disableApiStop(yes()).sourceDestCheck(yes()).build());
    f.fails("MissingParameter", ModifyInstanceAttributeRequest.builder().instanceId(instanceId).build());
    f.fails("InvalidInstanceAttributeValue", ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .instanceInitiatedShutdownBehavior(AttributeValue.builder().value("hibernate").build()).build());
    f.fails("InvalidInstanceID.NotFound", ModifyInstanceAttributeRequest.builder().instanceId("i-00000000000000000")
        .disableApiStop(yes()).build());
  }

  @Test
  void sourceDestCheckAndShutdownBehaviourShowInDescribeInstances() {
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .sourceDestCheck(AttributeBooleanValue.builder().value(false).build()).build());
    f.call(ModifyInstanceAttributeRequest.builder().instanceId(instanceId)
        .instanceInitiatedShutdownBehavior(AttributeValue.builder().value("terminate").build()).build());
    assertFalse(instance().sourceDestCheck());
    assertFalse(instance().networkInterfaces().get(0).sourceDestCheck());
    software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse enis = f.call(
        software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest.builder().filters(
            software.amazon.awssdk.services.ec2.model.Filter.builder().name("source-dest-check").values("false").build()).build());
    assertEquals(1, enis.networkInterfaces().size());
    assertEquals("terminate", attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR)
        .instanceInitiatedShutdownBehavior().value());
  }

  @Test
  void metadataOptionsChangeAndShowInDescribeInstances() {
    assertEquals(HttpTokensState.REQUIRED, instance().metadataOptions().httpTokens());
    ModifyInstanceMetadataOptionsResponse r = f.call(ModifyInstanceMetadataOptionsRequest.builder().instanceId(instanceId)
        .httpTokens(HttpTokensState.OPTIONAL).httpPutResponseHopLimit(3).build());
    assertEquals(InstanceMetadataOptionsState.PENDING, r.instanceMetadataOptions().state());
    var shown = instance().metadataOptions();
    assertEquals(HttpTokensState.OPTIONAL, shown.httpTokens());
    assertEquals(3, shown.httpPutResponseHopLimit());
    assertEquals(InstanceMetadataOptionsState.APPLIED, shown.state());
    f.fails("InvalidParameterValue", ModifyInstanceMetadataOptionsRequest.builder().instanceId(instanceId)
        .httpPutResponseHopLimit(65).build());
  }

  @Test
  void creditSpecificationsOfBurstableInstances() {
    software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse r = f.call(
        software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest.builder().instanceIds(instanceId).build());
    assertEquals("unlimited", r.instanceCreditSpecifications().getFirst().cpuCredits());
    f.fails("InvalidInstanceID.NotFound", software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest
        .builder().instanceIds("i-00000000000000000").build());
  }

  @Test
  void aTerminatedInstanceIsShownForAnHour() {
    var clock = new MovableClock();
    var g = new Ec2Fixture(new dev.privatelink.control.Cloud(dev.privatelink.control.MutationLog.NONE, clock));
    String subnetId = g.subnet(g.vpc("10.0.0.0/16"), "10.0.0.0/24", "us-east-1a");
    String id = g.run(subnetId).instances().get(0).instanceId();
    g.call(TerminateInstancesRequest.builder().instanceIds(id).build());
    g.ready(id);
    clock.now = clock.now.plus(java.time.Duration.ofMinutes(59));
    DescribeInstancesResponse soon = g.call(DescribeInstancesRequest.builder().instanceIds(id).build());
    assertEquals("terminated", soon.reservations().get(0).instances().get(0).state().nameAsString());
    clock.now = clock.now.plus(java.time.Duration.ofMinutes(2));
    DescribeInstancesResponse later = g.call(DescribeInstancesRequest.builder().build());
    assertTrue(later.reservations().isEmpty());
    g.fails("InvalidInstanceID.NotFound", DescribeInstancesRequest.builder().instanceIds(id).build());
  }

  private static final class MovableClock extends java.time.Clock {
    java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }
}
