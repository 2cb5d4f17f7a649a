package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.spec.DnsRecord;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.RecordingSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two VPCs with the same CIDR: x1 (10.0.1.10) and x2 (10.0.1.11) in X; y1 (10.0.1.20) and y2,
 * which has x1's address 10.0.1.10, in Y. Each VPC's resolver answers only its own names.
 */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VpcIsolationAndDnsTest {
  @TempDir static Path dataDir;
  private final RecordingSink sink = new RecordingSink();
  private final VpcBuilder x = new VpcBuilder("10.0.0.0/16");
  private final VpcBuilder y = new VpcBuilder("10.0.0.0/16");
  private FabricDataPlane plane;
  private InInstance in;
  private String x1, x2, y1, y2;

  @BeforeAll
  void build() throws Exception {
    String xs = x.subnet("10.0.1.0/24");
    String xg = x.group(List.of(all("0.0.0.0/0")), List.of(all("0.0.0.0/0")));
    x1 = x.instance(xs, "10.0.1.10", "", xg);
    x2 = x.instance(xs, "10.0.1.11", "", xg);
    x.record(new DnsRecord("_abcdefghijklmnopqrst.Service.Example.com", "TXT", List.of("vpce:token123"), 1800));
    String ys = y.subnet("10.0.1.0/24");
    String yg = y.group(List.of(all("0.0.0.0/0")), List.of(all("0.0.0.0/0")));
    y1 = y.instance(ys, "10.0.1.20", "", yg);
    y2 = y.instance(ys, "10.0.1.10", "", yg);
    plane = new FabricDataPlane(new FabricDataPlane.Options(dataDir, false), sink);
    in = new InInstance(plane.instances());
    plane.apply(state());
    assertEquals(List.of(), sink.failures);
    for (String i : List.of(x1, x2, y1, y2)) {
      in.httpServer(i, 8080, i);
    }
  }

  @AfterAll
  void tearDown() {
    if (plane != null) {
      plane.close();
    }
  }

  private HostState state() {
    return new HostState(1, List.of(x.build(), y.build()), List.of());
  }

  @Test
  void sameCidrVpcsNeverMeet() throws Exception {
    assertEquals(x2, in.get(x1, "10.0.1.11", 8080), "control: within X");
    assertNull(in.get(y1, "10.0.1.11", 8080), "X's x2 does not exist from Y");
    assertEquals(y2, in.get(y1, "10.0.1.10", 8080), "10.0.1.10 from Y is Y's own instance, not x1");
    assertEquals(x1, in.get(x2, "10.0.1.10", 8080), "and from X it is x1");
  }

  @Test
  void resolverAnswersItsOwnVpcOnly() throws Exception {
    String x1Name = "ip-10-0-1-10.ec2.internal";
    assertEquals("10.0.1.10", in.sh(x2, "dig +short @10.0.0.2 " + x1Name).out().strip());
    assertEquals("10.0.1.10", in.sh(x2, "dig +short IP-10-0-1-10.EC2.internal.").out().strip(),
        "resolv.conf names the resolver; names are case-insensitive");
    assertEquals("10.0.1.11", in.sh(x1, "getent hosts ip-10-0-1-11").out().strip().split("\\s+")[0],
        "search ec2.internal");
    assertTrue(in.sh(y1, "dig @10.0.0.2 " + "ip-10-0-1-11.ec2.internal").out().contains("status: NXDOMAIN"),
        "Y's resolver does not know X's names");
    assertTrue(in.sh(x1, "dig @10.0.0.2 example.org").out().contains("status: REFUSED"), "no upstream");
    assertEquals("\"vpce:token123\"", in.sh(x1, "dig +short TXT _abcdefghijklmnopqrst.service.example.com").out().strip());
    assertTrue(in.sh(x1, "dig +tcp @10.0.0.2 ip-10-0-1-11.ec2.internal").out().contains("10.0.1.11"), "TCP too");
  }

  @Test
  void recordsUpdateLiveOnReconcile() throws Exception {
    y.record(new DnsRecord("internal-web-1.us-east-1.elb.amazonaws.com", "A", List.of("10.0.1.20"), 60));
    plane.apply(state());
    assertEquals("10.0.1.20", in.sh(y2, "dig +short internal-web-1.us-east-1.elb.amazonaws.com").out().strip());
  }
}
