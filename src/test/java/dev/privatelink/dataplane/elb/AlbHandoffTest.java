package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.elb.TestSupport.*;
import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcpFromGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.fabric.InInstance;
import dev.privatelink.dataplane.fabric.VpcBuilder;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import dev.privatelink.testing.NetnsTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NLB node hands its flows to an {@code alb} target in memory, and the security groups decide
 * them exactly as the router's nftables does for the TCP hop: for each rule of a matrix (on the
 * ALB's ingress and the NLB's egress), a client instance's request through the NLB gets the
 * same answer (the web instance's page, or no answer) once with the in-memory hand-off and once
 * through the kernel. Client i1 (10.0.1.10) → NLB node 10.0.1.100:80 → ALB node 10.0.1.101:80 →
 * web instance 10.0.1.11:8080.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlbHandoffTest {
  private static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/front/1";
  private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/back/1";
  private static final String TG_ALB = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/to-alb/1";
  private static final String TG_WEB = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1";

  @TempDir static Path dataDir;
  private final VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
  private final List<String> decisions = new CopyOnWriteArrayList<>();
  private FabricDataPlane plane;
  private LoadBalancerEngine engine;
  private InInstance in;
  private String subnet, sgClient, sgNlb, sgAlb, client;

  @BeforeAll
  void build() throws Exception {
    subnet = vpc.subnet("10.0.1.0/24");
    sgClient = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String sgWeb = vpc.group(List.of(tcp(8080, 8080, "10.0.0.0/16")), List.of(all("0.0.0.0/0")));
    sgNlb = vpc.group(List.of(tcp(80, 80, "10.0.1.0/24")), List.of(all("0.0.0.0/0")));
    sgAlb = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    client = vpc.instance(subnet, "10.0.1.10", "", sgClient);
    String web = vpc.instance(subnet, "10.0.1.11", "", sgWeb);
    vpc.managedEni(subnet, "10.0.1.100", EniSpec.Kind.LOAD_BALANCER, sgNlb);
    vpc.managedEni(subnet, "10.0.1.101", EniSpec.Kind.LOAD_BALANCER, sgAlb);
    plane = new FabricDataPlane(new FabricDataPlane.Options(dataDir, false), new TestSupport.RecordingSink());
    in = new InInstance(plane.instances());
    plane.apply(new HostState(1, List.of(vpc.build()), List.of()));
    in.httpServer(web, 8080, "web");
    engine = new LoadBalancerEngine(plane.namespaces(), new TestSupport.RecordingSink(), HealthTiming.FAST, 2,
        new FlowObserver() {
          @Override
          public void decided(Flow flow, Action action) {
            decisions.add(flow.source().getAddress().getHostAddress() + ">" + flow.destination() + " " + action);
          }

          @Override
          public void closed(Flow flow, long bytesIn, long bytesOut) {}
        });
  }

  @AfterAll
  void tearDown() {
    if (engine != null) {
      engine.close();
    }
    if (plane != null) {
      plane.close();
    }
  }

  private record Case(String name, List<SgRule> nlbEgress, List<SgRule> albIngress, boolean allowed) {}

  @Test
  void inMemoryHandOffAllowsAndDeniesAsNftablesDoes() throws Exception {
    List<SgRule> open = List.of(all("0.0.0.0/0"));
    List<Case> cases = List.of(
        new Case("ALB allows the NLB node's address", open, List.of(tcp(80, 80, "10.0.1.100/32")), true),
        new Case("ALB allows another subnet only", open, List.of(tcp(80, 80, "10.0.2.0/24")), false),
        new Case("ALB allows other ports only", open, List.of(tcp(81, 90, "0.0.0.0/0")), false),
        new Case("ALB allows the NLB's group, every port", open, List.of(tcpFromGroup(0, 65535, sgNlb)), true),
        new Case("ALB allows a group the NLB is not in", open, List.of(tcpFromGroup(80, 80, sgClient)), false),
        new Case("ALB allows UDP only", open, List.of(new SgRule("udp", 80, 80, "0.0.0.0/0", null)), false),
        new Case("ALB allows all traffic from the VPC", open, List.of(all("10.0.0.0/16")), true),
        new Case("ALB allows IPv6 only", open, List.of(new SgRule("-1", -1, -1, "::/0", null)), false),
        new Case("ALB has no ingress rule", open, List.of(), false),
        new Case("NLB's egress allows another port only", List.of(tcp(443, 443, "0.0.0.0/0")), open, false),
        new Case("NLB's egress allows the ALB's subnet", List.of(tcp(80, 80, "10.0.1.0/24")), open, true));
    List<String> got = new ArrayList<>();
    List<String> want = new ArrayList<>();
    for (Case c : cases) {
      vpc.replaceGroup(sgNlb, List.of(tcp(80, 80, "10.0.1.0/24")), c.nlbEgress());
      vpc.replaceGroup(sgAlb, c.albIngress(), List.of(all("0.0.0.0/0")));
      VpcSpec spec = withLoadBalancers(vpc.build());
      plane.apply(new HostState(2, List.of(spec), List.of()));
      String ns = HostNames.vpcNamespace(vpc.vpcId);

      engine.apply(ns, spec.loadBalancers()); // no security groups known: the TCP hop through nftables
      decisions.clear();
      String kernel = outcome(in.get(client, "10.0.1.100", 80));
      assertEquals(List.of(), decisions, c.name() + ": the kernel path decides nothing in the JVM");

      engine.apply(ns, spec);                 // the in-memory hand-off
      String memory = outcome(in.get(client, "10.0.1.100", 80));
      String verdict = c.allowed() ? "ACCEPT" : "REJECT";
      assertEquals(List.of("10.0.1.100>/10.0.1.101:80 " + verdict), decisions.stream().map(d -> d.replaceAll(">.*?/", ">/"))
          .toList(), c.name() + ": the decision is made in memory and observed");
      got.add(c.name() + ": kernel " + kernel + ", in memory " + memory);
      String expected = c.allowed() ? "web" : "no answer";
      want.add(c.name() + ": kernel " + expected + ", in memory " + expected);
    }
    assertEquals(want, got);
  }

  private static String outcome(@Nullable String body) {
    return body == null ? "no answer" : body;
  }

  /** The VPC with an NLB (TCP 80 → the ALB) and an ALB (HTTP 80 → the web instance). */
  private static VpcSpec withLoadBalancers(VpcSpec v) {
    TargetGroupSpec toAlb = group(TG_ALB, "TCP", "alb", tcpCheck(), false, List.of(target(ALB, "10.0.1.101", 80, AZ_A)));
    TargetGroupSpec toWeb = group(TG_WEB, "HTTP", "instance", httpCheck("HTTP", "/", "200"),
        false, List.of(target("i-web", "10.0.1.11", 8080, AZ_A)));
    LoadBalancerSpec nlb = nlb(NLB, true, List.of(node(AZ_A, "10.0.1.100")), List.of(tcpListener(80, TG_ALB, 350)),
        List.of(toAlb));
    LoadBalancerSpec alb = alb(ALB, 60, List.of(node(AZ_A, "10.0.1.101")),
        List.of(httpListener(80, forward(TG_WEB), List.of())), List.of(toWeb));
    return new VpcSpec(v.vpcId(), v.accountId(), v.region(), v.cidr(), v.enableDnsSupport(), v.enableDnsHostnames(),
        v.subnets(), v.securityGroups(), v.enis(), v.instances(), List.of(nlb, alb), v.dnsRecords());
  }
}
