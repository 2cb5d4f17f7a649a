package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up loads what the listeners use: OpenSSL is there afterwards, with the targets' client context. */
class WarmupTest {
  @Test
  void loadsOpenSsl() {
    assertTrue(Warmup.load(), "OpenSSL is loaded");
  }
}
