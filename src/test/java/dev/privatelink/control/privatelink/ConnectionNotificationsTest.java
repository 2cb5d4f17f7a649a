package dev.privatelink.control.privatelink;

import static dev.privatelink.control.privatelink.World.fails;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.*;

class ConnectionNotificationsTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:VpceNotification";
  private final World w = new World();

  @Test
  void serviceNotificationsLogEachConnectionEventInOrder() {
    var s = w.service(true);
    w.allow(s, "*");
    CreateVpcEndpointConnectionNotificationResponse created = w.provider(
        CreateVpcEndpointConnectionNotificationRequest.builder().serviceId(s.serviceId())
            .connectionNotificationArn(TOPIC).connectionEvents("Connect", "Accept", "Delete").build());
    var n = created.connectionNotification();
    assertTrue(n.connectionNotificationId().matches("vpce-nfn-[0-9a-f]{17}"));
    assertEquals("Enabled", n.connectionNotificationStateAsString());
    assertEquals("Topic", n.connectionNotificationTypeAsString());

    var e = w.endpoint(s, w.subnetA);
    w.provider(AcceptVpcEndpointConnectionsRequest.builder().serviceId(s.serviceId())
        .vpcEndpointIds(e.vpcEndpointId()).build());
    w.provider(RejectVpcEndpointConnectionsRequest.builder().serviceId(s.serviceId())
        .vpcEndpointIds(e.vpcEndpointId()).build());
    w.consumer(DeleteVpcEndpointsRequest.builder().vpcEndpointIds(e.vpcEndpointId()).build());

    var log = w.privateLink().notifications(0);
    assertEquals(List.of("Connect", "Accept", "Delete"), log.stream().map(NotificationLog.Message::event).toList());
    assertEquals(List.of(1L, 2L, 3L), log.stream().map(NotificationLog.Message::sequence).toList());
    assertTrue(log.getFirst().json().contains("\"endpointId\":\"" + e.vpcEndpointId() + "\""), log.getFirst().json());
    assertTrue(log.getFirst().json().contains("\"endpointOwner\":\"" + World.CONSUMER + "\""));
    assertEquals(TOPIC, log.getFirst().topicArn());
    assertEquals(World.PROVIDER, log.getFirst().accountId());
    assertEquals(List.of("Delete"), w.privateLink().notifications(2).stream().map(NotificationLog.Message::event).toList());
  }

  @Test
  void theConsumerMayWatchItsOwnEndpoint() {
    var s = w.service(true);
    w.allow(s, "*");
    var e = w.endpoint(s, w.subnetA);
    w.consumer(CreateVpcEndpointConnectionNotificationRequest.builder().vpcEndpointId(e.vpcEndpointId())
        .connectionNotificationArn("arn:aws:sns:us-east-1:222222222222:mine").connectionEvents("Reject").build());
    w.provider(RejectVpcEndpointConnectionsRequest.builder().serviceId(s.serviceId())
        .vpcEndpointIds(e.vpcEndpointId()).build());
    var log = w.privateLink().notifications(0);
    assertEquals(1, log.size());
    assertEquals(World.CONSUMER, log.getFirst().accountId());
    assertTrue(log.getFirst().json().contains("\"endpointState\":\"rejected\""));
  }

  @Test
  void validatesTargetsTopicsAndEventsAndManagesNotifications() {
    var s = w.service(false);
    var base = CreateVpcEndpointConnectionNotificationRequest.builder().serviceId(s.serviceId())
        .connectionNotificationArn(TOPIC).connectionEvents("Accept").build();
    fails("MissingParameter", () -> w.provider(base.toBuilder().serviceId(null).build()));
    fails("InvalidParameterValue", () -> w.provider(base.toBuilder().connectionNotificationArn("topic").build()));
    fails("InvalidParameterValue", () -> w.provider(base.toBuilder().connectionEvents("Explode").build()));
    fails("InvalidVpcEndpointServiceId.NotFound", () -> w.provider(base.toBuilder()
        .serviceId("vpce-svc-00000000000000000").build()));
    fails("InvalidVpcEndpointServiceId.NotFound", () -> w.consumer(base));
    CreateVpcEndpointConnectionNotificationResponse made = w.provider(base);
    String id = made.connectionNotification().connectionNotificationId();

    w.provider(ModifyVpcEndpointConnectionNotificationRequest.builder().connectionNotificationId(id)
        .connectionEvents("Connect", "Reject").build());
    DescribeVpcEndpointConnectionNotificationsResponse described = w.provider(
        DescribeVpcEndpointConnectionNotificationsRequest.builder()
            .filters(Filter.builder().name("service-id").values(s.serviceId()).build()).build());
    assertEquals(List.of("Connect", "Reject"), described.connectionNotificationSet().getFirst().connectionEvents());
    fails("InvalidConnectionNotification", () -> w.provider(DescribeVpcEndpointConnectionNotificationsRequest.builder()
        .connectionNotificationId("vpce-nfn-00000000000000000").build()));

    DeleteVpcEndpointConnectionNotificationsResponse deleted = w.provider(
        DeleteVpcEndpointConnectionNotificationsRequest.builder()
            .connectionNotificationIds(id, "vpce-nfn-00000000000000000").build());
    assertEquals(List.of("vpce-nfn-00000000000000000"),
        deleted.unsuccessful().stream().map(UnsuccessfulItem::resourceId).toList());
    DescribeVpcEndpointConnectionNotificationsResponse none = w.provider(
        DescribeVpcEndpointConnectionNotificationsRequest.builder().build());
    assertTrue(none.connectionNotificationSet().isEmpty());
  }
}
