package dev.privatelink.dataplane.instances;

import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.fabric.InInstance;
import dev.privatelink.dataplane.fabric.VpcBuilder;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.Reaper;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.RecordingSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The seed's user data on two instances at once, reached from a third; then termination. */
@NetnsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataTest {
  static final String SEED_USER_DATA = """
      #!/bin/sh
      sudo yum install -y nginx.x86_64
      sudo systemctl start nginx
      """;

  @TempDir static Path dataDir;
  private final RecordingSink sink = new RecordingSink();
  private final VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
  private FabricDataPlane plane;
  private InInstance in;
  private String web1, web2, client;

  @BeforeAll
  void boot() throws Exception {
    String subnet = vpc.subnet("10.0.1.0/24");
    String clients = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String web = vpc.group(List.of(tcp(80, 80, "10.0.0.0/16")), List.of(all("0.0.0.0/0")));
    web1 = vpc.instance(subnet, "10.0.1.10", SEED_USER_DATA, web);
    web2 = vpc.instance(subnet, "10.0.1.11", SEED_USER_DATA, web);
    client = vpc.instance(subnet, "10.0.1.12", "", clients);
    plane = new FabricDataPlane(new FabricDataPlane.Options(dataDir, false), sink);
    in = new InInstance(plane.instances());
    plane.apply(new HostState(1, List.of(vpc.build()), List.of()));
    assertEquals(List.of(), sink.failures);
  }

  @AfterAll
  void tearDown() {
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void seedUserDataServesNginxOnEveryInstanceAndTerminationKillsIt() throws Exception {
    assertEquals(OptionalInt.of(0), plane.instances().awaitUserData(web1, Duration.ofSeconds(30)), () -> plane.instances().consoleOutput(web1));
    assertEquals(OptionalInt.of(0), plane.instances().awaitUserData(web2, Duration.ofSeconds(30)), () -> plane.instances().consoleOutput(web2));
    assertTrue(in.sh(client, "curl -s -m 3 http://10.0.1.10/").out().contains("Welcome to nginx!"));
    assertTrue(in.sh(client, "curl -s -m 3 http://10.0.1.11/").out().contains("Welcome to nginx!"));
    String console = sink.console.get(web1).toString();
    assertTrue(console.contains("Installed:") && console.contains("nginx-") && console.contains("Complete!"), console);
    assertEquals(console, plane.instances().consoleOutput(web1));

    long web1Ns = NamespaceProcesses.netnsNamed(HostNames.instanceNamespace(web1));
    assertFalse(NamespaceProcesses.in(web1Ns).isEmpty(), "nginx and init run in the instance");
    vpc.removeInstance(web1);
    plane.apply(new HostState(2, List.of(vpc.build()), List.of()));

    assertEquals(List.of(), NamespaceProcesses.in(web1Ns), "no process of the terminated instance is left");
    assertFalse(Reaper.namespaces(HostNames.PREFIX).contains(HostNames.instanceNamespace(web1)));
    assertFalse(in.sh(client, "curl -s -m 2 http://10.0.1.10/").out().contains("Welcome"));
    assertTrue(in.sh(client, "curl -s -m 3 http://10.0.1.11/").out().contains("Welcome to nginx!"), "web2 unaffected");
  }

  @Test
  void shimsFailLikeAmazonLinux() throws Exception {
    InInstance.Result yum = in.sh(client, "sudo yum install -y no-such-package.x86_64");
    assertEquals(1, yum.exit());
    assertTrue(yum.out().contains("Error: Unable to find a match: no-such-package.x86_64"), yum.out());
    InInstance.Result unit = in.sh(client, "systemctl start httpd");
    assertEquals(5, unit.exit());
    assertTrue(unit.out().contains("Failed to start httpd.service: Unit httpd.service not found."), unit.out());
  }

  @Test
  void instancesHavePrivateTmpRunAndHostname() throws Exception {
    in.sh(client, "echo mine > /tmp/marker");
    assertEquals("", in.sh(web2, "cat /tmp/marker 2>/dev/null").out());
    assertEquals("ip-10-0-1-12", in.sh(client, "hostname").out().strip());
    assertTrue(in.sh(client, "cat /etc/resolv.conf").out().contains("nameserver 10.0.0.2\nsearch ec2.internal"));
  }
}
