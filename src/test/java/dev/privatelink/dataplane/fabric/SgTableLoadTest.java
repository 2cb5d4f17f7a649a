package dev.privatelink.dataplane.fabric;

import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcpFromGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamespaceOwners;
import dev.privatelink.testing.NetnsTest;
import dev.privatelink.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The changes {@link SgTable#changesFrom} renders, loaded by the real nft into a table the host
 * already has, leave exactly the table a whole load of the new state makes: the same sets and
 * maps with the same elements, the same chains with the same rules in the same order.
 */
@NetnsTest
class SgTableLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String incremental = HostNames.vpcNamespace(TestIds.next("vpc"));
  private final String whole = HostNames.vpcNamespace(TestIds.next("vpc"));

  @AfterEach
  void tearDown() {
    for (String ns : List.of(incremental, whole)) {
      Host.tryRun(List.of("ip", "netns", "delete", ns), null);
      NamespaceOwners.release(ns);
    }
  }

  @Test
  void changesLoadedOntoTheOldTableEqualTheNewTableLoadedWhole() throws Exception {
    for (String ns : List.of(incremental, whole)) {
      NamespaceOwners.claim(ns);
      Host.run("ip", "netns", "add", ns);
    }
    VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
    String subnet = vpc.subnet("10.0.1.0/24");
    String client = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String web = vpc.group(List.of(tcpFromGroup(80, 80, client)), List.of(all("0.0.0.0/0")));
    String gone = vpc.instance(subnet, "10.0.1.10", "", client);
    vpc.instance(subnet, "10.0.1.11", "", web);
    SgTable before = SecurityGroupRules.table(vpc.build());
    Host.nft(incremental, before.script());

    // One of each kind of change: an instance gone, two more, a group's rules rewritten, a new
    // group that a rule references (a new set), and the old referenced group no longer referenced.
    vpc.removeInstance(gone);
    String admin = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    vpc.instance(subnet, "10.0.1.12", "", admin);
    vpc.instance(subnet, "10.0.1.13", "", client, web);
    vpc.replaceGroup(web, List.of(tcpFromGroup(22, 22, admin), tcp(443, 443, "10.0.0.0/16")), List.of(all("0.0.0.0/0")));
    SgTable after = SecurityGroupRules.table(vpc.build());
    Host.nft(incremental, after.changesFrom(before));
    Host.nft(whole, after.script());

    assertEquals(canonical(whole), canonical(incremental));
    assertNotEquals(canonical(whole), canonicalOf(before), "the change is one a stale table would show");
  }

  private String canonicalOf(SgTable table) throws Exception {
    String scratch = HostNames.vpcNamespace(TestIds.next("vpc"));
    NamespaceOwners.claim(scratch);
    try {
      Host.run("ip", "netns", "add", scratch);
      Host.nft(scratch, table.script());
      return canonical(scratch);
    } finally {
      Host.tryRun(List.of("ip", "netns", "delete", scratch), null);
      NamespaceOwners.release(scratch);
    }
  }

  /** The table as nft lists it, without handles, with set elements sorted and rules in chain order. */
  private static String canonical(String ns) throws Exception {
    JsonNode listing = JSON.readTree(Host.run("ip", "netns", "exec", ns, "nft", "-j", "list", "table", "inet", "pl_sg"));
    Map<String, String> objects = new TreeMap<>();
    Map<String, List<String>> rules = new TreeMap<>();
    for (JsonNode item : listing.get("nftables")) {
      String kind = item.fieldNames().next();
      JsonNode body = item.get(kind).deepCopy();
      if (body instanceof ObjectNode o) {
        o.remove("handle");
        if (o.has("elem")) {
          TreeSet<String> elements = new TreeSet<>();
          o.get("elem").forEach(e -> elements.add(e.toString()));
          o.put("elem", String.join(",", elements));
        }
      }
      switch (kind) {
        case "rule" -> rules.computeIfAbsent(body.get("chain").asText(), k -> new ArrayList<>()).add(body.toString());
        case "set", "map", "chain" -> objects.put(kind + " " + body.get("name").asText(), body.toString());
        default -> { }
      }
    }
    return objects + "\n" + rules;
  }
}
