package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.privatelink.stacks.StackClients;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** Connection notifications reach the webhook a user gave, in order, as AWS would publish them. */
class NotificationWebhookTest {
  @TempDir
  Path dataDir;

  @Test
  void connectAndAcceptArePostedInOrder() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      received.add(exchange.getRequestHeaders().getFirst("X-Privatelink-Event") + " "
          + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    try (LocalCloud cloud = LocalCloud.start(ServerOptions.builder(dataDir).port(0)
             .hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).notificationWebhook(hook).build());
         StackClients c = new StackClients(URI.create(cloud.endpoint()), "111111111111", Region.US_EAST_1)) {
      var ec2 = c.ec2();
      String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
      String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
      String nlb = c.elb().createLoadBalancer(r -> r.name("n").type("network").scheme("internal").subnets(subnet))
          .loadBalancers().getFirst().loadBalancerArn();
      String service = ec2.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb).acceptanceRequired(true))
          .serviceConfiguration().serviceId();
      String name = ec2.describeVpcEndpointServiceConfigurations(r -> r.serviceIds(service)).serviceConfigurations().getFirst().serviceName();
      ec2.createVpcEndpointConnectionNotification(r -> r.serviceId(service)
          .connectionNotificationArn("arn:aws:sns:us-east-1:111111111111:events").connectionEvents("Connect", "Accept"));
      String endpoint = ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc).serviceName(name).subnetIds(subnet))
          .vpcEndpoint().vpcEndpointId();
      ec2.acceptVpcEndpointConnections(r -> r.serviceId(service).vpcEndpointIds(endpoint));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (received.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      receiver.stop(0);
    }
    assertEquals(2, received.size(), received.toString());
    assertTrue(received.get(0).startsWith("Connect ") && received.get(0).contains("vpce-"), received.get(0));
    assertTrue(received.get(1).startsWith("Accept "), received.get(1));
  }
}
