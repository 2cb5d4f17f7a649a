package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import java.net.InetSocketAddress;

/** One target address (ip and port): the unit that is checked, chosen and drained. */
record TargetKey(String ip, int port) {
  static TargetKey of(TargetSpec t) {
    return new TargetKey(t.ip(), t.port());
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(ip, port);
  }
}
