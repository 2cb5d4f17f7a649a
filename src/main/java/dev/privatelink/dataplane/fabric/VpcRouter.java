package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamespaceOwners;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The host commands that build one VPC: its router namespace, the addresses the router owns on
 * {@code lo} (subnet gateways, the resolver, managed ENIs) and each instance's namespace and veth.
 * Stateless; {@link Fabric} decides what to call.
 */
final class VpcRouter {
  private VpcRouter() {}

  /**
   * Creates the router namespace. Proxy ARP is set as the default for new interfaces, so every
   * instance veth made later inherits it (the neighbour-table defaults have no per-namespace
   * sysctl, so the proxy delay is set per veth in {@link #attachInstance}).
   */
  static void create(String vpcId) {
    String ns = HostNames.vpcNamespace(vpcId);
    NamespaceOwners.claim(ns);
    Host.run("ip", "netns", "add", ns);
    sysctl(ns, List.of(
        "ipv4/ip_forward=1",
        "ipv4/conf/all/rp_filter=0", "ipv4/conf/default/rp_filter=0",
        "ipv4/conf/all/send_redirects=0", "ipv4/conf/default/send_redirects=0",
        "ipv4/conf/default/proxy_arp=1"));
    Host.ipBatch(ns, List.of("link set lo up"));
  }

  /** Makes the router's {@code lo} carry exactly {@code wanted} (as /32s) besides 127.0.0.1. */
  static void syncLoopbackAddresses(String vpcId, Set<String> wanted) {
    String ns = HostNames.vpcNamespace(vpcId);
    Set<String> present = loopbackAddresses(ns);
    List<String> cmds = new ArrayList<>();
    for (String ip : wanted) {
      if (!present.contains(ip)) {
        cmds.add("addr add " + ip + "/32 dev lo");
      }
    }
    for (String ip : present) {
      if (!wanted.contains(ip)) {
        cmds.add("addr del " + ip + "/32 dev lo");
      }
    }
    Host.ipBatch(ns, cmds);
  }

  /** The router's links, by name. */
  static Set<String> links(String vpcId) {
    Set<String> names = new HashSet<>();
    String out = Host.run("ip", "-n", HostNames.vpcNamespace(vpcId), "-o", "link", "show");
    for (String line : out.split("\n")) {
      String[] parts = line.split(":\\s+", 3);
      if (parts.length >= 2) {
        names.add(parts[1].split("@")[0].strip());
      }
    }
    return names;
  }

  /**
   * Creates an instance's namespace and joins it to the router: its address with the subnet's
   * prefix and a default route via the subnet gateway inside; a /32 route to it in the router.
   */
  static void attachInstance(String vpcId, String instanceId, String ip, Cidr subnet) {
    String router = HostNames.vpcNamespace(vpcId);
    String inst = HostNames.instanceNamespace(instanceId);
    String veth = LinkNames.routerSide(instanceId);
    String gateway = subnet.host(1);
    NamespaceOwners.claim(inst);
    Host.run("ip", "netns", "add", inst);
    Host.ipBatch(router, List.of(
        "link add " + veth + " type veth peer name " + LinkNames.INSTANCE_SIDE + " netns " + inst,
        // Answer ARP for the subnet's other hosts at once, not after the default random 0.8 s.
        "ntable change name arp_cache dev " + veth + " proxy_delay 0",
        "link set " + veth + " up",
        "route replace " + ip + "/32 dev " + veth + " src " + gateway));
    Host.ipBatch(inst, List.of(
        "link set lo up",
        "link set " + LinkNames.INSTANCE_SIDE + " up",
        "addr add " + ip + "/" + subnet.prefixLength() + " dev " + LinkNames.INSTANCE_SIDE,
        "route add default via " + gateway + " dev " + LinkNames.INSTANCE_SIDE));
  }

  /** Removes an instance's namespace; its veth and the router's route to it go with it. */
  static void detachInstance(String vpcId, String instanceId) {
    Host.tryRun(List.of("ip", "-n", HostNames.vpcNamespace(vpcId), "link", "del", LinkNames.routerSide(instanceId)), null);
    Host.tryRun(List.of("ip", "netns", "delete", HostNames.instanceNamespace(instanceId)), null);
    NamespaceOwners.release(HostNames.instanceNamespace(instanceId));
  }

  /** Deletes the router namespace (and with it every veth end and route inside). */
  static void destroy(String vpcId) {
    Host.tryRun(List.of("ip", "netns", "delete", HostNames.vpcNamespace(vpcId)), null);
    NamespaceOwners.release(HostNames.vpcNamespace(vpcId));
  }

  private static Set<String> loopbackAddresses(String ns) {
    Set<String> ips = new HashSet<>();
    for (String line : Host.run("ip", "-n", ns, "-o", "-4", "addr", "show", "dev", "lo").split("\n")) {
      int at = line.indexOf(" inet ");
      if (at >= 0) {
        String cidr = line.substring(at + 6).strip().split("\\s+")[0];
        if (cidr.endsWith("/32")) {
          ips.add(cidr.substring(0, cidr.length() - 3));
        }
      }
    }
    return ips;
  }

  private static void sysctl(String ns, List<String> settings) {
    StringBuilder script = new StringBuilder("set -e\n");
    for (String s : settings) {
      int eq = s.indexOf('=');
      script.append("echo ").append(s.substring(eq + 1)).append(" > /proc/sys/net/").append(s, 0, eq).append('\n');
    }
    Host.run(List.of("ip", "netns", "exec", ns, "sh", "-s"), script.toString());
  }
}
