package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.netns.Namespaces;
import org.junit.jupiter.api.Test;

/** The warm-up really runs a listener's TLS: its handshake with the targets' client context completes. */
class WarmupTest {
  @Test
  void handshakeCompletes() throws Exception {
    try (Transport transport = new Transport(Namespaces.HOST, 1)) {
      assertTrue(Warmup.handshakeOnce(transport), "the warm-up's handshake completes");
    }
  }
}
