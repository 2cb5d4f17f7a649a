package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.LinkCounts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live {@link LinkCounts} of one engine: a {@link Counter} per link, found once per flow (or
 * cached by its caller) and then bumped with {@link LongAdder}s from any event loop, no lock.
 */
public final class LinkCounters implements LinkCounts {
  private final Map<String, Counter> links = new ConcurrentHashMap<>();

  /** The counter of the link from {@code from} to {@code to}, made on first use. */
  public Counter link(String from, String to) {
    return links.computeIfAbsent(from + '\n' + to, k -> new Counter());
  }

  @Override
  public LinkCount of(String from, String to) {
    Counter c = links.get(from + '\n' + to);
    return c == null ? LinkCount.ZERO : new LinkCount(c.open.sum(), c.flows.sum(), c.bytes.sum());
  }

  /** One link's open flows, all flows and bytes. */
  public static final class Counter {
    private final LongAdder open = new LongAdder();
    private final LongAdder flows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final ByteCounter counter = new ByteCounter(bytes);

    /**
     * Counts {@code flow} as open until it closes, and every byte read from or written to it: the
     * handler goes first in its pipeline, so it sees what crosses the socket.
     */
    public void track(Channel flow) {
      open.increment();
      flows.increment();
      flow.closeFuture().addListener(f -> open.decrement());
      flow.pipeline().addFirst(counter);
    }

    /** One request sent on to a target over a pooled connection: counted, not kept open. */
    void request() {
      flows.increment();
    }
  }

  /** Adds the size of each buffer that goes by, either way, to the link's bytes. */
  @ChannelHandler.Sharable
  private static final class ByteCounter extends ChannelDuplexHandler {
    private final LongAdder bytes;

    ByteCounter(LongAdder bytes) {
      this.bytes = bytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      bytes.add(size(msg));
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      bytes.add(size(msg));
      ctx.write(msg, promise);
    }

    private static long size(Object msg) {
      if (msg instanceof ByteBuf b) {
        return b.readableBytes();
      }
      return msg instanceof ByteBufHolder h ? h.content().readableBytes() : 0;
    }
  }
}
