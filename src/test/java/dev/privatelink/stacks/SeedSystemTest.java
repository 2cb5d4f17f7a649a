package dev.privatelink.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamedNamespaces;
import dev.privatelink.testing.LocalCloudExtension;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * The seed system with its data plane, as the blog post tests it and beyond: from the consumer
 * instance, nginx's page through the endpoint's regional and every zonal name; from the service
 * instance, through the ALB and the NLB, with the seed's certificate; target health as AWS shows
 * it; and nginx stopped and started again behind the ALB.
 */
@NetnsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedSystemTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.withDataPlane();
  static SeedOutputs seed;
  static StackClients clients;

  @BeforeAll
  static void up() {
    seed = new SeedStack(CLOUD.endpoint(), "000000000000", "000000000000", Progress.silent(), true).apply();
    clients = CLOUD.clients("000000000000");
  }

  private static String exec(String instanceId, String... command) throws IOException, InterruptedException {
    Process p = InstanceRuntime.execFromOutside(CLOUD.dataDir(), instanceId, List.of(command), false)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  @Test
  @Order(1)
  void theConsumerGetsNginxThroughEveryEndpointName() throws Exception {
    assertEquals(7, seed.consumerEndpointDnsNames().size());
    for (String url : seed.consumerEndpointDnsNames()) {
      String page = exec(seed.consumerInstanceId(), "curl", "-sk", "-m", "10", url);
      assertTrue(page.contains("<title>Welcome to nginx!</title>"), url + " gave: " + page);
    }
  }

  @Test
  @Order(2)
  void theServiceVpcReachesNginxThroughTheAlbAndTheNlbWithTheSeedsCertificate() throws Exception {
    for (String name : List.of(seed.albDnsName(), seed.nlbDnsName())) {
      String page = exec(seed.serviceInstanceId(), "curl", "-sk", "-m", "10", "https://" + name + "/");
      assertTrue(page.contains("Welcome to nginx!"), name + " gave: " + page);
    }
    String cert = exec(seed.serviceInstanceId(), "sh", "-c", "echo | openssl s_client -connect " + seed.nlbDnsName()
        + ":443 -servername " + seed.nlbDnsName() + " 2>/dev/null | openssl x509 -noout -subject");
    assertTrue(cert.contains("CN = " + seed.albDnsName()) && cert.contains("O = ACME Demos"), cert);
  }

  @Test
  @Order(3)
  void targetHealthShowsTheAlbAndTheInstanceHealthy() {
    assertEquals("healthy", health("service-nlb").targetHealth().stateAsString());
    assertTrue(health("service-nlb").target().id().contains(":loadbalancer/app/service-alb/"));
    assertEquals("healthy", health("service").targetHealth().stateAsString());
    assertEquals(seed.serviceInstanceId(), health("service").target().id());
  }

  @Test
  @Order(3)
  void getConsoleOutputShowsWhatTheUserDataPrinted() {
    String output = clients.ec2().getConsoleOutput(r -> r.instanceId(seed.serviceInstanceId())).output();
    String text = new String(java.util.Base64.getDecoder().decode(output), StandardCharsets.UTF_8);
    assertTrue(text.contains("nginx"), "the yum and systemctl output of the seed's user data: " + text);
  }

  @Test
  @Order(4)
  void stoppingNginxMakesItUnhealthyAndTheAlbAnswers502UntilItIsBack() throws Exception {
    exec(seed.serviceInstanceId(), "systemctl", "stop", "nginx");
    await("nginx unhealthy", () -> "unhealthy".equals(health("service").targetHealth().stateAsString()));
    assertEquals("Target.FailedHealthChecks", health("service").targetHealth().reasonAsString());
    String status = exec(seed.serviceInstanceId(), "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m", "10",
        "https://" + seed.albDnsName() + "/");
    assertEquals("502", status.strip(), "every target unhealthy: the ALB fails open to a target that refuses");
    exec(seed.serviceInstanceId(), "systemctl", "start", "nginx");
    await("nginx healthy again", () -> "healthy".equals(health("service").targetHealth().stateAsString()));
    String page = exec(seed.consumerInstanceId(), "curl", "-sk", "-m", "10", seed.consumerEndpointDnsNames().getFirst());
    assertTrue(page.contains("Welcome to nginx!"), page);
  }

  /**
   * Stop/Start as AWS does: the stopped instance keeps its namespace and private IP without a
   * process, its ALB target is unused with Target.InvalidState, the ALB has no target to send to
   * and the consumer gets 503 through the endpoint; the start brings back the service its user data
   * enabled, without running the user data again, and the page comes back.
   */
  @Test
  @Order(5)
  void aStoppedServiceInstanceIsAnUnusedTargetAndItsStartBringsThePageBack() throws Exception {
    String id = seed.serviceInstanceId();
    exec(id, "systemctl", "enable", "nginx");
    String ip = instance(id).privateIpAddress();
    clients.ec2().stopInstances(r -> r.instanceIds(id));
    await("instance stopped", () -> instance(id).state().name() == InstanceStateName.STOPPED);
    assertTrue(namespaces().contains(HostNames.instanceNamespace(id)), "a stopped instance keeps its namespace");
    assertEquals(ip, instance(id).privateIpAddress());
    assertEquals("unused", health("service").targetHealth().stateAsString());
    assertEquals("Target.InvalidState", health("service").targetHealth().reasonAsString());
    await("503 through the endpoint", () -> "503".equals(status(seed.consumerEndpointDnsNames().getFirst())));

    clients.ec2().startInstances(r -> r.instanceIds(id));
    await("instance running", () -> instance(id).state().name() == InstanceStateName.RUNNING);
    try {
      await("target healthy again", () -> "healthy".equals(health("service").targetHealth().stateAsString()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ": " + health("service") + "\n" + exec(id, "sh", "-c",
          "systemctl status nginx; ls /run; cat /var/log/cloud-init-output.log | tail -5"), e);
    }
    String page = exec(seed.consumerInstanceId(), "curl", "-sk", "-m", "10", seed.consumerEndpointDnsNames().getFirst());
    assertTrue(page.contains("Welcome to nginx!"), page);
    String console = new String(java.util.Base64.getDecoder().decode(
        clients.ec2().getConsoleOutput(r -> r.instanceId(id)).output()), StandardCharsets.UTF_8);
    assertEquals(1, console.split("Complete!", -1).length - 1, "the user data ran once:\n" + console);
  }

  /**
   * A VPC's namespace deleted behind the cloud's back (by hand, by another program's clean-up) is
   * made again without any API call, with what runs in it: the endpoint's listeners in the
   * consumer's, the load balancers' and the instance in the service's; the page comes back.
   */
  @Test
  @Order(6)
  void aVpcNamespaceDeletedBehindTheCloudsBackIsMadeAgainWithItsListeners() throws Exception {
    for (String instanceId : List.of(seed.consumerInstanceId(), seed.serviceInstanceId())) {
      String ns = HostNames.vpcNamespace(instance(instanceId).vpcId());
      long before = NamedNamespaces.identity(ns);
      run("ip", "netns", "del", ns);
      await(ns + " made again", () -> NamedNamespaces.identity(ns) > 0 && NamedNamespaces.identity(ns) != before);
      await("port 443 listening in the new " + ns, () -> listening(ns).contains(":443 "));
      await("the page through the endpoint after " + ns + " was deleted",
          () -> "200".equals(status(seed.consumerEndpointDnsNames().getFirst())));
    }
    await("nginx healthy behind the ALB", () -> "healthy".equals(health("service").targetHealth().stateAsString()));
  }

  /**
   * An instance's namespace deleted by hand is made again under its name (where `ip netns exec`
   * finds it), with the instance restarted in it: nothing else would bring a reconcile.
   */
  @Test
  @Order(7)
  void anInstanceNamespaceDeletedBehindTheCloudsBackIsMadeAgain() throws Exception {
    String ns = HostNames.instanceNamespace(seed.consumerInstanceId());
    long before = NamedNamespaces.identity(ns);
    run("ip", "netns", "del", ns);
    await(ns + " made again", () -> NamedNamespaces.identity(ns) > 0 && NamedNamespaces.identity(ns) != before);
    long after = NamedNamespaces.identity(ns);
    await("the instance running in the new " + ns + " and the page from it", () -> {
      try {
        String out = exec(seed.consumerInstanceId(), "sh", "-c",
            "readlink /proc/self/ns/net; curl -sk -m 5 " + seed.consumerEndpointDnsNames().getFirst());
        return out.startsWith("net:[" + after + "]") && out.contains("Welcome to nginx!");
      } catch (IllegalStateException | IOException | InterruptedException e) {
        return false; // e.g. the instance is between its old namespace and its new one
      }
    });
  }

  private static String listening(String ns) {
    try {
      return run("ip", "netns", "exec", ns, "ss", "-Htln");
    } catch (IOException | InterruptedException e) {
      return e.toString();
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static String status(String url) {
    try {
      return exec(seed.consumerInstanceId(), "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-m", "5", url).strip();
    } catch (IOException | InterruptedException | IllegalStateException e) {
      return e.toString();
    }
  }

  private static Instance instance(String id) {
    return clients.ec2().describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
  }

  private static List<String> namespaces() throws IOException, InterruptedException {
    return run("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).toList();
  }

  private static TargetHealthDescription health(String targetGroupName) {
    String arn = clients.elb().describeTargetGroups(r -> r.names(targetGroupName)).targetGroups().getFirst().targetGroupArn();
    return clients.elb().describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions().getFirst();
  }

  private static void await(String what, Supplier<Boolean> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
