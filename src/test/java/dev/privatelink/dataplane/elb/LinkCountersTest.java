package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.dataplane.LinkCounts.LinkCount;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A link's counter sees a flow open until it closes, and every byte either way through it. */
class LinkCountersTest {
  @Test
  void aTrackedFlowIsOpenUntilItClosesAndItsBytesAreCountedBothWays() {
    LinkCounters counters = new LinkCounters();
    EmbeddedChannel flow = new EmbeddedChannel();
    counters.link("vpce-1", "arn:nlb").track(flow);
    assertEquals(new LinkCount(1, 1, 0), counters.of("vpce-1", "arn:nlb"));

    flow.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));
    flow.writeOutbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n\r\n", StandardCharsets.US_ASCII));
    flow.close();
    flow.finishAndReleaseAll();
    assertEquals(new LinkCount(0, 1, 18 + 19), counters.of("vpce-1", "arn:nlb"));
  }

  @Test
  void linksAreKeptApartAndOneNotSeenYetIsZero() {
    LinkCounters counters = new LinkCounters();
    EmbeddedChannel a = new EmbeddedChannel();
    EmbeddedChannel b = new EmbeddedChannel();
    counters.link("tg", "i-1").track(a);
    counters.link("tg", "i-1").track(b);
    counters.link("tg", "i-2").request();
    a.close();
    assertEquals(new LinkCount(1, 2, 0), counters.of("tg", "i-1"));
    assertEquals(new LinkCount(0, 1, 0), counters.of("tg", "i-2"));
    assertEquals(LinkCount.ZERO, counters.of("tg", "i-3"));
    b.close();
  }
}
