package dev.privatelink.dataplane.elb;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Where a TCP flow came from before it reached an NLB node: the client's address, the address the
 * client connected to (an NLB node, or an endpoint ENI for PrivateLink) and, through PrivateLink,
 * the endpoint id that Proxy Protocol v2 carries in TLV 0xEA (null otherwise).
 */
public record FlowOrigin(InetSocketAddress client, InetSocketAddress destination, @Nullable String endpointId) {}
