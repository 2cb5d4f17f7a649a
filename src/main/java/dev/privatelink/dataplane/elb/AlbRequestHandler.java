package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Serves the requests of one client connection (HTTP/1.1) or one stream (HTTP/2) in order: picks
 * the action by the listener's rules, answers fixed responses and redirects itself, forwards the
 * rest to a target of the chosen group. Pipelined HTTP/1.1 requests wait for the one before, and
 * the connection holds only a few of them: past {@link #MAX_QUEUED} it stops reading until the
 * queue drains, and the next request starts only once the client takes what was written, so a
 * client that sends without reading meets TCP backpressure instead of growing our memory.
 */
final class AlbRequestHandler extends ChannelInboundHandlerAdapter implements ProxyExchange.Front {
  /** Pipelined requests waiting behind the one in flight before the connection stops reading. */
  static final int MAX_QUEUED = 16;

  private final AlbRuntime runtime;
  private final int port;
  private final boolean https;
  private final boolean http2;
  private final ArrayDeque<FullHttpRequest> queue = new ArrayDeque<>();
  private @Nullable ChannelHandlerContext ctx;
  private @Nullable ProxyExchange current;
  private boolean busy;
  private ForwardedHeaders.@Nullable Connection forwarded;
  private @Nullable String nodeIp;
  private BackendPool.@Nullable Key lastKey;

  AlbRequestHandler(AlbRuntime runtime, int port, boolean https, boolean http2) {
    this.runtime = runtime;
    this.port = port;
    this.https = https;
    this.http2 = http2;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest req)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    queue.add(req);
    if (queue.size() >= MAX_QUEUED) {
      // What the decoder already holds still arrives; nothing more is read off the socket.
      ctx.channel().config().setAutoRead(false);
    }
    if (!busy) {
      next();
    }
  }

  private void next() {
    FullHttpRequest req = queue.poll();
    if (req == null) {
      return;
    }
    if (queue.size() < MAX_QUEUED && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
    }
    busy = true;
    boolean keepAlive = http2 || HttpUtil.isKeepAlive(req);
    if (req.decoderResult().isFailure()) {
      req.release();
      error(400, false);
      return;
    }
    AlbRuntime.ListenerConfig cfg = runtime.config(port);
    ActionSpec action = cfg == null ? null : cfg.rules().select(req);
    switch (action) {
      case ActionSpec.FixedResponse f -> respond(req, AlbResponses.fixed(f), keepAlive);
      case ActionSpec.Redirect r -> respond(req, AlbResponses.redirect(r, req, https, port), keepAlive);
      case ActionSpec.Forward f -> forward(req, f, keepAlive);
      case null -> respond(req, AlbResponses.error(503), keepAlive);
    }
  }

  private void forward(FullHttpRequest req, ActionSpec.Forward f, boolean keepAlive) {
    TargetGroupRuntime tg = runtime.groups().choose(f);
    TargetSpec target = tg == null ? null : tg.pickRoundRobin();
    if (target == null) {
      respond(req, AlbResponses.error(503), keepAlive);
      return;
    }
    if (forwarded == null) {
      connectionFacts();
    }
    ForwardedHeaders.stripHopByHop(req.headers());
    if (http2) {
      req.headers().remove("x-http2-stream-id").remove("x-http2-scheme").remove("x-http2-path")
          .remove("x-http2-authority").remove("x-http2-stream-weight").remove("x-http2-stream-dependency-id");
    }
    ForwardedHeaders.apply(req.headers(), forwarded);
    req.setProtocolVersion(HttpVersion.HTTP_1_1);
    HttpUtil.setContentLength(req, req.content().readableBytes());
    tg.countRequest(target);
    current = new ProxyExchange(this, runtime.pool(), poolKey(target), req, keepAlive, http2);
    current.start();
  }

  /** The connection's addresses do not change: formatted once, not per request. */
  private void connectionFacts() {
    Channel conn = http2 ? ctx.channel().parent() : ctx.channel();
    FlowObserver.Flow inMemory = conn.attr(AlbFrontend.IN_MEMORY_FLOW).get();
    InetSocketAddress remote = inMemory != null ? inMemory.source() : (InetSocketAddress) conn.remoteAddress();
    InetSocketAddress local = inMemory != null ? inMemory.destination() : (InetSocketAddress) conn.localAddress();
    forwarded = ForwardedHeaders.Connection.of(remote.getAddress().getHostAddress(), https, port);
    nodeIp = local.getAddress().getHostAddress();
  }

  /** The pool key of the last target, kept: requests of a connection mostly go where the one before went. */
  private BackendPool.Key poolKey(TargetSpec target) {
    BackendPool.Key k = lastKey;
    if (k == null || !k.target().ip().equals(target.ip()) || k.target().port() != target.port()) {
      k = new BackendPool.Key(ctx.channel().eventLoop(), nodeIp, TargetKey.of(target));
      lastKey = k;
    }
    return k;
  }

  private void respond(FullHttpRequest req, FullHttpResponse res, boolean keepAlive) {
    req.release();
    write(res, keepAlive);
  }

  private void write(FullHttpResponse res, boolean keepAlive) {
    if (!http2) {
      HttpUtil.setKeepAlive(res, keepAlive);
    }
    var f = ctx.writeAndFlush(res);
    if (keepAlive) {
      done();
    } else {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void done() {
    busy = false;
    current = null;
    // An unwritable channel means the client is not reading its responses: the next request waits.
    if (!queue.isEmpty() && ctx.channel().isWritable()) {
      next();
    }
  }

  @Override
  public Channel channel() {
    return ctx.channel();
  }

  @Override
  public void finished(boolean keepAlive) {
    if (keepAlive) {
      done();
    } else {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void error(int status, boolean keepAlive) {
    current = null;
    write(AlbResponses.error(status), keepAlive);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (current != null && ctx.channel().isWritable()) {
      current.onFrontWritable();
    } else if (!busy && ctx.channel().isWritable()) {
      next();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) {
      current.abort();
      current = null;
    }
    queue.forEach(ReferenceCountUtil::release);
    queue.clear();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && !busy) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
