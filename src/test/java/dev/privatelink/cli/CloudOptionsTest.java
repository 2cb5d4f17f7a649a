package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.server.ServerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudOptionsTest {
  private static ServerOptions parse(String... words) {
    return CloudOptions.server(Args.parse(List.of(words), Set.of("no-dataplane", "allow-unsigned-reset")).allow(CloudOptions.NAMES));
  }

  @Test
  void withoutOptionsServeRunsTheDataPlaneOnLoopbackWithFastHealthChecks() {
    ServerOptions o = parse("--data-dir", "/tmp/pl-options-test");
    assertEquals(ServerOptions.builder(Path.of("/tmp/pl-options-test")).build(), o);
    assertEquals("127.0.0.1", o.host());
    assertEquals(4566, o.port());
    assertEquals(ServerOptions.HostMode.DATA_PLANE, o.hostMode());
    assertEquals(HealthTiming.FAST, o.healthTiming());
    assertNull(o.strictCredentials());
    assertTrue(o.notificationWebhookUrl().isEmpty());
    assertFalse(o.allowUnsignedReset(), "an unsigned reset is refused unless asked for");
  }

  @Test
  void everyOptionReachesTheRecord() {
    ServerOptions o = parse("--host", "0.0.0.0", "--port", "0", "--no-dataplane", "--health-timing", "aws",
        "--strict-auth", "/tmp/creds", "--notification-webhook", "http://127.0.0.1:9/hook", "--allow-unsigned-reset");
    assertEquals("0.0.0.0", o.host());
    assertTrue(o.allowUnsignedReset());
    assertEquals(0, o.port());
    assertEquals(ServerOptions.HostMode.CONTROL_PLANE_ONLY, o.hostMode());
    assertEquals(HealthTiming.AWS, o.healthTiming());
    assertEquals(Path.of("/tmp/creds"), o.strictCredentials());
    assertEquals(URI.create("http://127.0.0.1:9/hook"), o.notificationWebhook());
    assertEquals("http://127.0.0.1:0", o.endpoint());
  }

  @Test
  void anUnknownHealthTimingIsAUsageErrorNamingTheChoices() {
    Args.UsageException e = assertThrows(Args.UsageException.class, () -> parse("--health-timing", "slow"));
    assertEquals("--health-timing is one of aws, fast", e.getMessage());
  }

  @Test
  void flowLogTimingIsFastByDefaultAndAwsOnRequest() {
    assertEquals(dev.privatelink.dataplane.flowlogs.FlowLogTiming.FAST, parse().flowLogTiming());
    ServerOptions o = parse("--flow-log-timing", "aws");
    assertEquals(dev.privatelink.dataplane.flowlogs.FlowLogTiming.AWS, o.flowLogTiming());
    assertEquals(o, o.toBuilder().build());
    Args.UsageException e = assertThrows(Args.UsageException.class, () -> parse("--flow-log-timing", "slow"));
    assertEquals("--flow-log-timing is one of fast, aws", e.getMessage());
  }

  @Test
  void theBuilderKeepsWhatItIsNotTold() {
    ServerOptions o = parse("--health-timing", "aws", "--port", "5000");
    assertEquals(o, o.toBuilder().build());
    assertEquals(7000, o.toBuilder().port(7000).build().port());
    assertEquals(HealthTiming.AWS, o.toBuilder().port(7000).build().healthTiming());
  }
}
