package dev.privatelink.dataplane.fabric;

import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.dns.DnsService;
import dev.privatelink.dataplane.instances.InstanceRuntime;
import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.netns.Reaper;
import dev.privatelink.dataplane.netns.SetnsNamespaces;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The Linux data plane: networks ({@link Fabric}), VPC resolvers ({@link DnsService}) and
 * instances ({@link InstanceRuntime}), reconciled in that order so that managed ENI addresses and
 * base+2 exist before anything binds them. Further parts (load balancers, PrivateLink) plug in as
 * {@link Stage}s that run after the network, using {@link #namespaces()} to open their sockets in a
 * VPC's router namespace. Every reconcile runs on one platform thread of its own, because entering
 * a namespace is not allowed from a virtual thread, and reconciles are serialised.
 */
public final class FabricDataPlane implements DataPlane {
  /** Something reconciled after the network and DNS of every VPC exist (e.g. load balancers). */
  public interface Stage extends AutoCloseable {
    /**
     * Removes what {@code state} no longer has, before the network does: connections must be
     * reset while their addresses and security group rules still exist, or the resets are lost.
     */
    default void prune(HostState state) {}

    void apply(HostState state);

    @Override
    void close();
  }

  /**
   * @param dataDir where instances keep their state ({@code <dataDir>/instances/<id>})
   * @param reapAtStart remove every {@code pl-} leftover of a crashed run at start and on close;
   *     false only for tests that share the machine with other runs
   */
  public record Options(Path dataDir, boolean reapAtStart) {}

  private final boolean reap;
  private final SetnsNamespaces namespaces = new SetnsNamespaces();
  private final Fabric fabric;
  private final DnsService dns;
  private final InstanceRuntime instances;
  private final List<Stage> stages = new ArrayList<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
      .name("pl-dataplane").daemon().unstarted(r));

  public FabricDataPlane(Options options, StatusSink sink) {
    this.reap = options.reapAtStart();
    if (reap) {
      Reaper.standard().reap();
    }
    Consumer<String> forget = namespaces::forget;
    this.fabric = new Fabric(sink, forget);
    this.dns = new DnsService(namespaces, sink);
    this.instances = new InstanceRuntime(options.dataDir(), sink);
  }

  /** The namespace switcher other parts use to open sockets inside a VPC's router namespace. */
  public Namespaces namespaces() {
    return namespaces;
  }

  /** Instances: {@code exec} into one, read its console. */
  public InstanceRuntime instances() {
    return instances;
  }

  /** Adds a stage run at the end of every {@link #apply}; closed with this data plane. */
  public void addStage(Stage stage) {
    stages.add(stage);
  }

  @Override
  public void apply(HostState state) {
    onWorker(() -> {
      List<VpcSpec> vpcs = state.vpcs();
      Set<String> keep = new java.util.HashSet<>();
      vpcs.forEach(v -> v.instances().forEach(i -> keep.add(i.instanceId())));
      // Processes die before their namespaces do, or they would live on in an unnamed namespace.
      instances.terminateAllExcept(keep);
      stages.forEach(s -> s.prune(state));
      fabric.apply(vpcs);
      dns.apply(vpcs);
      instances.apply(withNetwork(vpcs));
      stages.forEach(s -> s.apply(state));
    });
  }

  /** Asked on the reconcile thread, so a namespace a running reconcile is making again does not count. */
  @Override
  public Set<String> vanished() {
    var out = new java.util.concurrent.atomic.AtomicReference<Set<String>>(Set.of());
    onWorker(() -> out.set(fabric.vanished()));
    return out.get();
  }

  @Override
  public void close() {
    // Each step runs even if one before it fails: a half-closed data plane must still leave the host clean.
    onWorker(() -> {
      stages.forEach(s -> quietly(s::close));
      quietly(instances::close);
      quietly(dns::close);
      quietly(fabric::close);
      quietly(namespaces::close);
      if (reap) {
        quietly(() -> Reaper.standard().reap());
      }
    });
    worker.shutdown();
  }

  /** The VPCs with only the instances whose network exists: the others cannot boot. */
  private List<VpcSpec> withNetwork(List<VpcSpec> vpcs) {
    return vpcs.stream().map(v -> new VpcSpec(v.vpcId(), v.accountId(), v.region(), v.cidr(), v.enableDnsSupport(),
        v.enableDnsHostnames(), v.subnets(), v.securityGroups(), v.enis(),
        v.instances().stream().filter(i -> fabric.hasInstance(v.vpcId(), i.instanceId())).toList(),
        v.loadBalancers(), v.dnsRecords())).toList();
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      System.getLogger(FabricDataPlane.class.getName()).log(System.Logger.Level.WARNING, "closing step failed", e);
    }
  }

  private void onWorker(Runnable task) {
    try {
      worker.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
