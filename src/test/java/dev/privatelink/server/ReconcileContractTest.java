package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.spec.HostState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

/** The reconcile contract: a host picture names its version, and only what it contained settles. */
class ReconcileContractTest {
  static final String ACCOUNT = "111111111111";
  final Cloud cloud = new Cloud();

  @SuppressWarnings("unchecked")
  <T extends SdkResponse> T call(SdkRequest request) {
    return (T) cloud.call(ACCOUNT, "us-east-1", "arn:aws:iam::" + ACCOUNT + ":root", request);
  }

  String runningInstance() {
    String vpc = this.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build()).vpc().vpcId();
    String subnet = this.<CreateSubnetResponse>call(CreateSubnetRequest.builder().vpcId(vpc).cidrBlock("10.0.0.0/24")
        .availabilityZone("us-east-1a").build()).subnet().subnetId();
    String image = this.<DescribeImagesResponse>call(DescribeImagesRequest.builder().owners("amazon").build())
        .images().getFirst().imageId();
    String id = this.<RunInstancesResponse>call(RunInstancesRequest.builder().imageId(image).instanceType("t3.nano")
        .subnetId(subnet).minCount(1).maxCount(1).build()).instances().getFirst().instanceId();
    cloud.report(new ControlEvent.ResourceReady(id));
    assertEquals("running", state(id));
    return id;
  }

  String state(String instanceId) {
    return this.<DescribeInstancesResponse>call(DescribeInstancesRequest.builder().instanceIds(instanceId).build())
        .reservations().getFirst().instances().getFirst().state().nameAsString();
  }

  @Test
  void aProjectionAtVersionNDoesNotSettleWhatChangedAtNPlusOne() {
    String id = runningInstance();
    AppliedProjection atN = AppliedProjection.read(cloud);
    assertEquals(cloud.version(), atN.version(), "the picture names the version it was read at");
    call(TerminateInstancesRequest.builder().instanceIds(id).build());   // version N+1: shutting-down
    atN.settle(cloud);
    assertEquals("shutting-down", state(id), "the host at N never removed the instance");
    AppliedProjection atN1 = AppliedProjection.read(cloud);
    assertTrue(atN1.settle().contains(id));
    atN1.settle(cloud);
    assertEquals("terminated", state(id));
  }

  @Test
  void theReconcileLoopSettlesFromThePictureItAppliedAndReportsItsVersion() {
    String id = runningInstance();
    List<Long> applied = new ArrayList<>();
    DataPlane host = new DataPlane() {
      @Override public void apply(HostState state) {
        applied.add(state.version());
        if (applied.size() == 1) {   // a change made while the host works on version N
          call(TerminateInstancesRequest.builder().instanceIds(id).build());
        }
      }
      @Override public void close() {}
    };
    long n = cloud.version();
    DataPlaneSync sync = new DataPlaneSync(cloud, host);
    sync.reconcile();
    assertEquals(List.of(n), applied);
    assertEquals(n, sync.hostVersion());
    assertEquals("shutting-down", state(id));
    sync.reconcile();
    assertEquals(n + 1, sync.hostVersion());
    assertEquals("terminated", state(id));
  }
}
