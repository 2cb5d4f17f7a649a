package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.LoadBalancerSpec.Node;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import dev.privatelink.model.IpProtocol;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * An NLB node's flows to an {@code alb} target whose ALB runs in this process, in the same VPC:
 * instead of a TCP connection from the node's address to the ALB node's (through the router's
 * nftables), the client's own socket gets the ALB's pipeline. The ALB's (and the NLB's) security
 * groups are decided here by {@link SecurityGroupFilter}, from the same rules nftables has; a
 * rejected flow ends as the kernel path would end it: the SYN is dropped, the node's connect times
 * out, and the client gets a reset. Flows that must keep their TCP hop (Proxy Protocol v2, a TLS
 * listener's relay, an ALB of another VPC or not running) are left to the caller.
 * See <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/network/application-load-balancer-target.html">ALB as the target of an NLB</a>.
 */
final class AlbHandoff {
  /**
   * What one VPC offers for in-memory hand-offs: its ALB nodes by address, and its security groups.
   * The verdicts are remembered per (node, ALB node, port) for as long as the view lives: the
   * rules they come from are those of this view's spec, and a new spec brings a new view.
   */
  record View(Map<String, AlbRuntime> albsByNodeIp, SecurityGroupFilter filter, FlowObserver observer,
      Map<Hop, Boolean> verdicts) {
    static final View NONE = new View(Map.of(), SecurityGroupFilter.NONE, FlowObserver.NONE, Map.of());

    /** The view of one VPC's running load balancers. */
    static View of(List<LbRuntime> running, SecurityGroupFilter filter, FlowObserver observer) {
      if (!filter.known()) {
        return NONE;
      }
      Map<String, AlbRuntime> albs = new HashMap<>();
      for (LbRuntime rt : running) {
        if (rt instanceof AlbRuntime alb) {
          alb.spec().nodes().forEach(n -> albs.put(n.privateIp(), alb));
        }
      }
      return new View(Map.copyOf(albs), filter, observer, new ConcurrentHashMap<>());
    }

    /** Whether the security groups let a node's flow reach an ALB node's port: decided once per hop. */
    boolean allows(String nodeIp, String albIp, int port) {
      Hop hop = new Hop(nodeIp, albIp, port);
      Boolean known = verdicts.get(hop);
      if (known == null) {
        known = filter.allows(nodeIp, albIp, IpProtocol.TCP, port);
        verdicts.put(hop, known);
      }
      return known;
    }
  }

  /** The addresses and port a security-group verdict is about (TCP, from the NLB node to the ALB node). */
  record Hop(String nodeIp, String albIp, int port) {}

  private final int connectTimeoutMillis;
  private final SocketAddresses addresses = new SocketAddresses();
  private volatile View view = View.NONE;

  AlbHandoff(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  void view(View next) {
    this.view = next;
  }

  /**
   * Carries the flow in memory when it can.
   *
   * @return false when the flow must take its TCP hop (nothing was done to the client then)
   */
  boolean tryHandOff(Node node, Channel client, FlowOrigin origin, TargetGroupRuntime tg, TargetSpec target) {
    View v = view;
    AlbRuntime alb = eligible(v, client, tg, target);
    if (alb == null) {
      return false;
    }
    // the source the ALB sees is the NLB node, from the client's port (any ephemeral port would do)
    InetSocketAddress source = new InetSocketAddress(addresses.of(node.privateIp(), 0).getAddress(), origin.client().getPort());
    FlowObserver.Flow flow = new FlowObserver.Flow(source, addresses.of(target.ip(), target.port()), IpProtocol.TCP);
    if (!v.allows(node.privateIp(), target.ip(), target.port())) {
      v.observer().decided(flow, FlowObserver.Action.REJECT);
      client.eventLoop().schedule(() -> TcpRelay.reset(client), connectTimeoutMillis, TimeUnit.MILLISECONDS);
      return true;
    }
    v.observer().decided(flow, FlowObserver.Action.ACCEPT);
    tg.trackFlow(target, client);
    alb.acceptInMemory(client, flow, v.observer());
    return true;
  }

  private static @Nullable AlbRuntime eligible(View v, Channel client, TargetGroupRuntime tg, TargetSpec target) {
    boolean plainTcp = !tg.spec().proxyProtocolV2() && client.pipeline().get("tls") == null
        && ProtocolEnum.fromValue(tg.spec().protocol()) == ProtocolEnum.TCP
        && TargetTypeEnum.fromValue(tg.spec().targetType()) == TargetTypeEnum.ALB;
    return plainTcp ? v.albsByNodeIp().get(target.ip()) : null;
  }
}
