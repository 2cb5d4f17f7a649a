package dev.privatelink.dataplane.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reconcile leaves a VPC whose spec did not change alone (it reads nothing back from its
 * namespace, so one VPC's change costs the same however many VPCs there are), and still rebuilds
 * a VPC whose spec changed or whose namespaces went missing. An address added to a router behind
 * the fabric's back is the witness: it survives only a reconcile that skipped that VPC.
 */
@NetnsTest
class FabricUnchangedVpcTest {
  private static final String FOREIGN = "10.0.9.9";
  private final RecordingSink sink = new RecordingSink();
  private final Fabric fabric = new Fabric(sink, ns -> {});

  @AfterEach
  void tearDown() {
    fabric.close();
  }

  @Test
  void onlyTheVpcThatChangedIsReadBackAndMissingNamespacesAreRestored() {
    VpcBuilder a = new VpcBuilder("10.0.0.0/16");
    String subnetA = a.subnet("10.0.1.0/24");
    String instance = a.instance(subnetA, "10.0.1.10", "");
    VpcBuilder b = new VpcBuilder("10.0.0.0/16");
    String subnetB = b.subnet("10.0.1.0/24");
    fabric.apply(List.of(a.build(), b.build()));
    assertEquals(List.of(), sink.failures);
    String routerA = HostNames.vpcNamespace(a.vpcId);
    Host.run("ip", "-n", routerA, "addr", "add", FOREIGN + "/32", "dev", "lo");

    b.managedEni(subnetB, "10.0.1.100", EniSpec.Kind.VPC_ENDPOINT);
    fabric.apply(List.of(a.build(), b.build()));
    assertTrue(loopback(b.vpcId).contains("10.0.1.100"), "the VPC that changed got its new ENI address");
    assertTrue(loopback(a.vpcId).contains(FOREIGN), "the unchanged VPC was not read back");

    Host.run("ip", "netns", "delete", HostNames.instanceNamespace(instance));
    fabric.apply(List.of(a.build(), b.build()));
    assertTrue(Files.exists(Path.of("/run/netns", HostNames.instanceNamespace(instance))), "a missing namespace is rebuilt");
    assertFalse(loopback(a.vpcId).contains(FOREIGN), "and its VPC reconciled in full");

    Host.run("ip", "-n", routerA, "addr", "add", FOREIGN + "/32", "dev", "lo");
    a.managedEni(subnetA, "10.0.1.101", EniSpec.Kind.VPC_ENDPOINT);
    VpcSpec changed = a.build();
    fabric.apply(List.of(changed, b.build()));
    assertTrue(loopback(a.vpcId).contains("10.0.1.101"));
    assertFalse(loopback(a.vpcId).contains(FOREIGN), "a changed VPC is reconciled in full");
    assertEquals(List.of(), sink.failures);
  }

  private static String loopback(String vpcId) {
    return Host.run("ip", "-n", HostNames.vpcNamespace(vpcId), "-o", "-4", "addr", "show", "dev", "lo");
  }
}
