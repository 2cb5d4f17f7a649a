package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamedNamespaces;
import dev.privatelink.dataplane.netns.Reaper;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.SubnetSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles the network of every VPC: router namespace, instance namespaces and veths, the
 * router's own addresses and the security-group ruleset. Incremental: it compares the wanted
 * VPCs with what it made (and re-checks that those namespaces and links still exist on the host),
 * creates what is missing, removes what is no longer wanted and leaves the rest alone. It only
 * removes objects it made itself; leftovers of other runs are the {@link Reaper}'s job. The VPCs
 * of one reconcile are reconciled at once, each on its own thread. Not thread safe: one reconcile
 * at a time.
 */
public final class Fabric implements AutoCloseable {
  private final StatusSink sink;
  private final Consumer<String> namespaceDeleted;
  // Written by the reconciles of different VPCs at once, each under its own key.
  private final Map<String, Built> built = new ConcurrentHashMap<>();
  private final ExecutorService parallel = Executors.newFixedThreadPool(4,
      r -> Thread.ofPlatform().name("pl-fabric").daemon().unstarted(r));

  /**
   * @param namespaceDeleted told the name of every namespace this fabric deletes, so cached
   *     namespace descriptors (see {@code SetnsNamespaces.forget}) can be dropped
   */
  public Fabric(StatusSink sink, Consumer<String> namespaceDeleted) {
    this.sink = sink;
    this.namespaceDeleted = namespaceDeleted;
  }

  /**
   * What the fabric made for one VPC; {@code applied} holds the spec the host last fully matched
   * (null until then, or after a part of it failed).
   */
  private record Built(String cidr, Map<String, InstanceNet> instances, @Nullable SgTable[] securityGroups, @Nullable VpcSpec[] applied) {}

  /** An instance's network identity: a change means a new namespace. */
  private record InstanceNet(String ip, Cidr subnet) {}

  /** Makes the host's VPC networks match {@code vpcs}. */
  public void apply(List<VpcSpec> vpcs) {
    Set<String> wanted = new LinkedHashSet<>();
    vpcs.forEach(v -> wanted.add(v.vpcId()));
    for (String vpcId : List.copyOf(built.keySet())) {
      if (!wanted.contains(vpcId)) {
        removeVpc(vpcId);
      }
    }
    Set<String> onHost = NamedNamespaces.named(HostNames.PREFIX);
    // VPCs share nothing on the host and their reconcile is mostly waiting for ip and nft, so a
    // pass that changes several (the seed's two instances, its endpoint's addresses and rules)
    // takes the slowest VPC's time rather than the sum.
    List<Callable<Void>> each = vpcs.stream().<Callable<Void>>map(vpc -> () -> reconcileAndReport(vpc, onHost)).toList();
    if (each.size() == 1) {
      reconcileAndReport(vpcs.getFirst(), onHost);
      return;
    }
    try {
      for (Future<Void> f : parallel.invokeAll(each)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling the VPCs' networks", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private @Nullable Void reconcileAndReport(VpcSpec vpc, Set<String> onHost) {
    try {
      reconcileVpc(vpc, onHost);
      sink.ready(vpc.vpcId());
      vpc.subnets().forEach(s -> sink.ready(s.subnetId()));
    } catch (RuntimeException e) {
      sink.failed(vpc.vpcId(), e.getMessage());
    }
    return null;
  }

  /** Whether the network of {@code instanceId} exists (its namespace is joined to its router). */
  public boolean hasInstance(String vpcId, String instanceId) {
    Built b = built.get(vpcId);
    return b != null && b.instances().containsKey(instanceId);
  }

  /** The namespaces this fabric made (a VPC's router, an instance's) that are no longer on the host. */
  public Set<String> vanished() {
    Set<String> onHost = NamedNamespaces.named(HostNames.PREFIX);
    Set<String> gone = new java.util.TreeSet<>();
    built.forEach((vpcId, b) -> {
      String router = HostNames.vpcNamespace(vpcId);
      if (!onHost.contains(router)) {
        gone.add(router);
      }
      for (String id : b.instances().keySet()) {
        if (!onHost.contains(HostNames.instanceNamespace(id))) {
          gone.add(HostNames.instanceNamespace(id));
        }
      }
    });
    return gone;
  }

  /** Removes every VPC this fabric made. */
  @Override
  public void close() {
    parallel.shutdown();
    List.copyOf(built.keySet()).forEach(this::removeVpc);
  }

  private void reconcileVpc(VpcSpec vpc, Set<String> onHost) {
    String routerNs = HostNames.vpcNamespace(vpc.vpcId());
    Built b = built.get(vpc.vpcId());
    if (b == null || !onHost.contains(routerNs) || !b.cidr().equals(vpc.cidr())) {
      if (b != null || onHost.contains(routerNs)) {
        removeVpc(vpc.vpcId());
      }
      // Recorded before creation so that a half-made namespace is still removed later.
      b = new Built(vpc.cidr(), new HashMap<>(), new SgTable[1], new VpcSpec[1]);
      built.put(vpc.vpcId(), b);
      VpcRouter.create(vpc.vpcId());
    }
    if (unchanged(vpc, b, onHost)) {
      // Reading each VPC's addresses and links back costs two processes per VPC per reconcile, so a
      // change to one VPC would cost time in proportion to the number of VPCs; a VPC whose spec is
      // what the host last matched, and whose namespaces all still exist, is left alone.
      return;
    }
    b.applied()[0] = null;
    // Gateways first: instance routes name them as their source address.
    VpcRouter.syncLoopbackAddresses(vpc.vpcId(), routerAddresses(vpc));
    reconcileInstances(vpc, b, onHost);
    loadSecurityGroups(routerNs, SecurityGroupRules.table(vpc), b);
    if (b.instances().size() == vpc.instances().size()) {
      b.applied()[0] = vpc;
    }
  }

  /**
   * Loads only what changed since the table last loaded, so one more instance costs the same in a
   * VPC of ten or of hundreds; the whole table when there is none yet, or when the changes do not
   * apply (the table was altered behind the fabric's back).
   */
  private static void loadSecurityGroups(String routerNs, SgTable table, Built b) {
    SgTable before = b.securityGroups()[0];
    if (table.equals(before)) {
      return;
    }
    b.securityGroups()[0] = null;
    if (before == null) {
      Host.nft(routerNs, table.script());
    } else {
      try {
        Host.nft(routerNs, table.changesFrom(before));
      } catch (RuntimeException e) {
        Host.nft(routerNs, table.script());
      }
    }
    b.securityGroups()[0] = table;
  }

  /** The host already matches {@code vpc}: the same spec as last applied in full, every namespace present. */
  private static boolean unchanged(VpcSpec vpc, Built b, Set<String> onHost) {
    if (!vpc.equals(b.applied()[0])) {
      return false;
    }
    for (String id : b.instances().keySet()) {
      if (!onHost.contains(HostNames.instanceNamespace(id))) {
        return false;
      }
    }
    return true;
  }

  private void reconcileInstances(VpcSpec vpc, Built b, Set<String> onHost) {
    Map<String, InstanceNet> wanted = new LinkedHashMap<>();
    for (InstanceSpec i : vpc.instances()) {
      Cidr subnet = subnetOf(vpc, i.privateIp());
      if (subnet == null) {
        sink.failed(i.instanceId(), i.privateIp() + " is in no subnet of " + vpc.vpcId());
      } else {
        wanted.put(i.instanceId(), new InstanceNet(i.privateIp(), subnet));
      }
    }
    for (String id : List.copyOf(b.instances().keySet())) {
      if (!b.instances().get(id).equals(wanted.get(id))) {
        detach(vpc.vpcId(), id, b);
      }
    }
    Set<String> links = VpcRouter.links(vpc.vpcId());
    for (Map.Entry<String, InstanceNet> e : wanted.entrySet()) {
      String id = e.getKey();
      String ns = HostNames.instanceNamespace(id);
      boolean intact = b.instances().containsKey(id) && onHost.contains(ns) && links.contains(LinkNames.routerSide(id));
      if (intact) {
        continue;
      }
      try {
        if (b.instances().containsKey(id) || onHost.contains(ns)) {
          detach(vpc.vpcId(), id, b);
        }
        VpcRouter.attachInstance(vpc.vpcId(), id, e.getValue().ip(), e.getValue().subnet());
        b.instances().put(id, e.getValue());
      } catch (RuntimeException ex) {
        VpcRouter.detachInstance(vpc.vpcId(), id);
        sink.failed(id, ex.getMessage());
      }
    }
  }

  private void detach(String vpcId, String instanceId, Built b) {
    VpcRouter.detachInstance(vpcId, instanceId);
    namespaceDeleted.accept(HostNames.instanceNamespace(instanceId));
    b.instances().remove(instanceId);
  }

  private void removeVpc(String vpcId) {
    Built b = built.remove(vpcId);
    if (b != null) {
      for (String id : List.copyOf(b.instances().keySet())) {
        detach(vpcId, id, b);
      }
    }
    VpcRouter.destroy(vpcId);
    namespaceDeleted.accept(HostNames.vpcNamespace(vpcId));
  }

  /** Gateways (base+1 of each subnet), the resolver (VPC base+2) and every managed ENI. */
  static Set<String> routerAddresses(VpcSpec vpc) {
    Set<String> ips = new LinkedHashSet<>();
    for (SubnetSpec s : vpc.subnets()) {
      ips.add(Cidr.parse(s.cidr()).host(1));
    }
    ips.add(Cidr.parse(vpc.cidr()).host(2));
    for (EniSpec eni : vpc.enis()) {
      if (eni.kind() != EniSpec.Kind.INSTANCE) {
        ips.add(eni.privateIp());
      }
    }
    return ips;
  }

  private static @Nullable Cidr subnetOf(VpcSpec vpc, String ip) {
    for (SubnetSpec s : vpc.subnets()) {
      Cidr c = Cidr.parse(s.cidr());
      if (c.contains(ip)) {
        return c;
      }
    }
    return null;
  }
}
