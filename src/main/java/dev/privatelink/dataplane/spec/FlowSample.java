package dev.privatelink.dataplane.spec;

/**
 * The packets of one 5-tuple through one network interface in one aggregation interval, as the
 * data plane counted them: what a flow log record is made from.
 *
 * @param ingress true for traffic into the interface
 * @param start epoch seconds of the interval's first packet; {@code end} of its last
 * @param accepted false when the security groups dropped the packets
 */
public record FlowSample(String networkInterfaceId, boolean ingress, String srcAddr, String dstAddr, int srcPort,
    int dstPort, int protocol, long packets, long bytes, long start, long end, boolean accepted, int tcpFlags) {}
