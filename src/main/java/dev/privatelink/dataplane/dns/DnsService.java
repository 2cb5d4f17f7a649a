package dev.privatelink.dataplane.dns;

import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamedNamespaces;
import dev.privatelink.dataplane.netns.Namespaces;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps one {@link VpcResolver} per VPC whose {@code enableDnsSupport} is true, listening on the
 * VPC's base+2, with the records of the latest reconcile. A resolver whose router namespace was
 * re-created (a new namespace under the same name) is restarted there. Call {@link #apply} on a
 * platform thread, after the fabric has put base+2 on the router.
 */
public final class DnsService implements AutoCloseable {
  private final Namespaces namespaces;
  private final StatusSink sink;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Map<String, Running> running = new HashMap<>();

  public DnsService(Namespaces namespaces, StatusSink sink) {
    this.namespaces = namespaces;
    this.sink = sink;
  }

  private record Running(VpcResolver resolver, long netnsInode) {}

  /** Starts, updates or stops resolvers so that exactly the VPCs with DNS support have one. */
  public void apply(List<VpcSpec> vpcs) {
    Set<String> wanted = vpcs.stream().filter(VpcSpec::enableDnsSupport).map(VpcSpec::vpcId).collect(Collectors.toSet());
    for (String vpcId : List.copyOf(running.keySet())) {
      if (!wanted.contains(vpcId)) {
        running.remove(vpcId).resolver().close();
      }
    }
    for (VpcSpec vpc : vpcs) {
      if (vpc.enableDnsSupport()) {
        try {
          ensure(vpc);
        } catch (Exception e) {
          sink.failed(vpc.vpcId(), "VPC resolver: " + e.getMessage());
        }
      }
    }
  }

  private void ensure(VpcSpec vpc) throws Exception {
    String ns = HostNames.vpcNamespace(vpc.vpcId());
    long inode = NamedNamespaces.identity(ns);
    if (inode < 0) {
      throw new IllegalStateException("no network namespace named " + ns);
    }
    RecordTable table = new RecordTable(vpc.region(), vpc.dnsRecords());
    Running r = running.get(vpc.vpcId());
    if (r != null && r.netnsInode() == inode) {
      r.resolver().update(table);
      return;
    }
    if (r != null) {
      running.remove(vpc.vpcId()).resolver().close();
    }
    InetSocketAddress address = new InetSocketAddress(resolverAddress(vpc.cidr()), 53);
    running.put(vpc.vpcId(), new Running(VpcResolver.start(namespaces, ns, address, table, group), inode));
  }

  /** The VPC's base address + 2. */
  static String resolverAddress(String cidr) {
    String[] o = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    return o[0] + "." + o[1] + "." + o[2] + "." + (Integer.parseInt(o[3]) + 2);
  }

  @Override
  public void close() {
    running.values().forEach(r -> r.resolver().close());
    running.clear();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
