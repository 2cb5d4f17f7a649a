package dev.privatelink.control.ec2.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.testing.CloudCalls;
import dev.privatelink.control.ControlEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.CreateFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/** CreateFlowLogs / DescribeFlowLogs / DeleteFlowLogs, and observed flows delivered as records. */
class FlowLogActionsTest {
  private static final String ROLE = "arn:aws:iam::111111111111:role/flow-logs";
  private final Cloud cloud = new Cloud();
  private final CloudCalls calls = new CloudCalls(cloud, "111111111111");
  private final String vpcId;
  private final String subnetId;
  private final CreateNetworkInterfaceResponse eni;

  FlowLogActionsTest() {
    vpcId = ((CreateVpcResponse) call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build())).vpc().vpcId();
    subnetId = ((CreateSubnetResponse) call(CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.1.0/24")
        .availabilityZone("us-east-1a").build())).subnet().subnetId();
    eni = call(CreateNetworkInterfaceRequest.builder().subnetId(subnetId).build());
  }

  private <T extends SdkResponse> T call(SdkRequest request) {
    return calls.call(request);
  }

  private AwsException fails(String code, SdkRequest request) {
    AwsException e = calls.fails(code, request);
    assertEquals(400, e.status());
    return e;
  }

  private CreateFlowLogsRequest.Builder vpcLog() {
    return CreateFlowLogsRequest.builder().resourceType(FlowLogsResourceType.VPC).resourceIds(vpcId)
        .trafficType(TrafficType.ALL).logGroupName("flows").deliverLogsPermissionArn(ROLE);
  }

  @Test
  void aFlowLogOnAVpcIsDescribedWithAwsDefaults() {
    CreateFlowLogsResponse created = call(vpcLog().build());
    assertTrue(created.unsuccessful().isEmpty());
    assertTrue(created.flowLogIds().getFirst().matches("fl-[0-9a-f]{17}"));
    FlowLog log = ((DescribeFlowLogsResponse) call(DescribeFlowLogsRequest.builder().build())).flowLogs().getFirst();
    assertEquals(vpcId, log.resourceId());
    assertEquals("ACTIVE", log.flowLogStatus());
    assertEquals("SUCCESS", log.deliverLogsStatus());
    assertEquals(LogDestinationType.CLOUD_WATCH_LOGS, log.logDestinationType());
    assertEquals(600, log.maxAggregationInterval());
    assertEquals(FlowLogFormat.DEFAULT, log.logFormat());
    assertEquals("arn:aws:logs:us-east-1:111111111111:log-group:flows", log.logDestination());
    DescribeFlowLogsResponse filtered = call(DescribeFlowLogsRequest.builder()
        .filter(f -> f.name("resource-id").values("vpc-00000000000000000")).build());
    assertTrue(filtered.flowLogs().isEmpty());
  }

  @Test
  void badRequestsGetAwsErrorsAndChangeNothing() {
    fails("InvalidParameter", vpcLog().deliverLogsPermissionArn(null).build());
    fails("InvalidParameter", vpcLog().logFormat("${version} ${nonsense}").build());
    fails("InvalidParameter", vpcLog().maxAggregationInterval(30).build());
    fails("InvalidParameter", vpcLog().logDestinationType(LogDestinationType.S3).logGroupName(null)
        .deliverLogsPermissionArn(null).logDestination("arn:aws:s3:::my-bucket").build());
    fails("MissingParameter", vpcLog().trafficType((TrafficType) null).build());
  }

  @Test
  void unknownResourcesAndDuplicatesAreUnsuccessfulItems() {
    call(vpcLog().build());
    CreateFlowLogsResponse again = call(vpcLog().resourceIds(vpcId, "vpc-0123456789abcdef0").build());
    assertTrue(again.flowLogIds().isEmpty());
    assertEquals(List.of("FlowLogAlreadyExists", "InvalidVpcID.NotFound"),
        again.unsuccessful().stream().map(u -> u.error().code()).toList());
    DeleteFlowLogsResponse deleted = call(DeleteFlowLogsRequest.builder().flowLogIds("fl-0123456789abcdef0").build());
    assertEquals("InvalidFlowLogId.NotFound", deleted.unsuccessful().getFirst().error().code());
  }

  @Test
  void observedFlowsBecomeRecordsInTheFormatsFieldOrder() {
    call(vpcLog().build());
    call(CreateFlowLogsRequest.builder().resourceType(FlowLogsResourceType.NETWORK_INTERFACE)
        .resourceIds(eni.networkInterface().networkInterfaceId()).trafficType(TrafficType.REJECT).logGroupName("rejects")
        .deliverLogsPermissionArn(ROLE).maxAggregationInterval(60)
        .logFormat("${version} ${vpc-id} ${subnet-id} ${interface-id} ${tcp-flags} ${az-id} ${flow-direction} ${action}").build());
    String id = eni.networkInterface().networkInterfaceId();
    String ip = eni.networkInterface().privateIpAddress();
    long t = System.currentTimeMillis() / 1000;
    cloud.report(new ControlEvent.FlowsObserved(List.of(
        new ControlEvent.ObservedFlow(id, true, "10.0.1.99", ip, 40000, 443, 6, 5, 400, t, t + 1, true, 18),
        new ControlEvent.ObservedFlow(id, true, "10.0.1.99", ip, 40001, 443, 6, 2, 120, t, t + 1, false, 2))));
    List<String> all = messages("flows");
    assertEquals(List.of("2 111111111111 " + id + " 10.0.1.99 " + ip + " 40000 443 6 5 400 " + t + " " + (t + 1) + " ACCEPT OK",
        "2 111111111111 " + id + " 10.0.1.99 " + ip + " 40001 443 6 2 120 " + t + " " + (t + 1) + " REJECT OK"), all);
    assertEquals(List.of("5 " + vpcId + " " + subnetId + " " + id + " 2 " + eni.networkInterface().availabilityZoneId()
        + " ingress REJECT"), messages("rejects"));
  }

  private List<String> messages(String group) {
    FilterLogEventsResponse r = call(FilterLogEventsRequest.builder().logGroupName(group).build());
    return r.events().stream().map(e -> e.message()).toList();
  }
}
