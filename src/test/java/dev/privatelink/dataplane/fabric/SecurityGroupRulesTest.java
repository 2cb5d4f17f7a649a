package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcpFromGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.SgRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendering alone; {@code FabricConnectivityTest} proves the rules on real packets. */
class SecurityGroupRulesTest {
  @Test
  void rendersOneAtomicReplacementWithGroupSetsAndPerEniChains() {
    VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
    String subnet = vpc.subnet("10.0.1.0/24");
    String client = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String web = vpc.group(List.of(tcpFromGroup(80, 80, client)), List.of(all("0.0.0.0/0")));
    vpc.instance(subnet, "10.0.1.10", "", client);
    vpc.instance(subnet, "10.0.1.11", "", web);
    vpc.managedEni(subnet, "10.0.1.100", EniSpec.Kind.LOAD_BALANCER, web);

    String script = SecurityGroupRules.render(vpc.build());

    assertTrue(script.startsWith("table inet pl_sg {}\ndelete table inet pl_sg\ntable inet pl_sg {"), script);
    assertTrue(script.contains("set " + SecurityGroupRules.setName(client) + " { type ipv4_addr; elements = { 10.0.1.10 }; }"), script);
    assertTrue(script.contains("map egress_of { type ipv4_addr : verdict; elements = { 10.0.1.10 : jump eg_10_0_1_10,"
        + " 10.0.1.11 : jump eg_10_0_1_11, 10.0.1.100 : jump eg_10_0_1_100 }; }"), script);
    assertTrue(script.contains("ip saddr vmap @egress_of"), script);
    assertTrue(script.contains("ip daddr vmap @ingress_of"), script);
    assertTrue(script.contains("chain in_10_0_1_100 {\n    ip saddr @" + SecurityGroupRules.setName(client) + " meta l4proto tcp th dport 80 accept"), script);
    assertTrue(script.contains("ip daddr 10.0.0.2 meta l4proto { tcp, udp } th dport 53 accept"), script);
  }

  @Test
  void matchesProtocolsPortsAndCidrs() {
    assertEquals("meta l4proto tcp th dport 8000-9000 ", SecurityGroupRules.match(tcp(8000, 9000, "0.0.0.0/0"), "saddr"));
    assertEquals("ip daddr 10.0.2.0/24 ", SecurityGroupRules.match(all("10.0.2.0/24"), "daddr"));
    assertEquals("meta l4proto udp ", SecurityGroupRules.match(new SgRule("17", 0, 65535, "0.0.0.0/0", null), "saddr"));
    assertEquals("meta l4proto icmp icmp type 8 ", SecurityGroupRules.match(new SgRule("icmp", 8, -1, "0.0.0.0/0", null), "saddr"));
    assertNull(SecurityGroupRules.match(new SgRule("-1", -1, -1, "::/0", null), "saddr"));
  }

  @Test
  void oneMoreInstanceChangesOnlyItsOwnChainsMapEntriesAndGroupSet() {
    VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
    String subnet = vpc.subnet("10.0.1.0/24");
    String client = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String web = vpc.group(List.of(tcpFromGroup(80, 80, client)), List.of(all("0.0.0.0/0")));
    vpc.instance(subnet, "10.0.1.10", "", client);
    SgTable before = SecurityGroupRules.table(vpc.build());
    vpc.instance(subnet, "10.0.1.11", "", client, web);

    String changes = SecurityGroupRules.table(vpc.build()).changesFrom(before);

    String set = SecurityGroupRules.setName(client);
    assertEquals(String.join("\n",
        "add element inet pl_sg " + set + " { 10.0.1.11 }",
        "add chain inet pl_sg eg_10_0_1_11",
        "add chain inet pl_sg in_10_0_1_11",
        "add rule inet pl_sg eg_10_0_1_11 goto ingress",
        "add rule inet pl_sg eg_10_0_1_11 goto ingress",
        "add rule inet pl_sg in_10_0_1_11 ip saddr @" + set + " meta l4proto tcp th dport 80 accept",
        "add element inet pl_sg egress_of { 10.0.1.11 : jump eg_10_0_1_11 }",
        "add element inet pl_sg ingress_of { 10.0.1.11 : goto in_10_0_1_11 }") + "\n", changes);
    assertEquals("", SecurityGroupRules.table(vpc.build()).changesFrom(SecurityGroupRules.table(vpc.build())));
  }
}
