package dev.privatelink.dataplane.elb;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One request forwarded to one target and its response streamed back. The status codes follow
 * ALB: 502 when the target closes or resets before answering or answers garbage, 504 when it does
 * not accept within 10 s or sends nothing for the idle timeout (the target connection's own
 * {@link IdleTimeout} tells, see {@link BackendPool}). A stale pooled connection that
 * closes before any answer is retried once on a fresh one, since the target never saw the request.
 * Runs entirely on the front channel's event loop.
 */
final class ProxyExchange {
  /** What the front side does when an exchange ends. */
  interface Front {
    Channel channel();

    void finished(boolean keepAlive);

    void error(int status, boolean keepAlive);
  }

  private final Front front;
  private final BackendPool pool;
  private final BackendPool.Key key;
  private final FullHttpRequest request;
  private final boolean frontKeepAlive;
  private final boolean http2;
  private @Nullable Channel backend;
  private boolean reused;
  private boolean retried;
  private boolean headSent;
  private boolean backendKeepAlive;
  private boolean done;

  ProxyExchange(Front front, BackendPool pool, BackendPool.Key key, FullHttpRequest request, boolean frontKeepAlive,
      boolean http2) {
    this.front = front;
    this.pool = pool;
    this.key = key;
    this.request = request;
    this.frontKeepAlive = frontKeepAlive;
    this.http2 = http2;
  }

  void start() {
    connect(false);
  }

  /** A pooled connection when there is one (sent at once, no future or listener), else a new one. */
  private void connect(boolean fresh) {
    Channel pooled = fresh ? null : pool.pooled(key);
    reused = pooled != null;
    if (pooled != null) {
      backend = pooled;
      send(pooled);
      return;
    }
    ChannelFuture f = pool.connect(key);
    backend = f.channel();
    f.addListener((ChannelFuture cf) -> connected(cf));
  }

  private void connected(ChannelFuture f) {
    if (done) {
      f.channel().close();
      return;
    }
    if (!f.isSuccess()) {
      fail(f.cause() instanceof ConnectTimeoutException ? 504 : 502);
      return;
    }
    send(f.channel());
  }

  /**
   * Head and body apart (a retained duplicate of a full request would copy every header), on void
   * promises: a failed write fires exceptionCaught, which closes the connection, and its close is
   * what {@link #onBackendClosed} handles, as it would a listener's failure.
   */
  private void send(Channel ch) {
    ch.attr(BackendPool.EXCHANGE).set(this);
    ch.config().setAutoRead(front.channel().isWritable());
    ch.write(new DefaultHttpRequest(request.protocolVersion(), request.method(), request.uri(), request.headers()),
        ch.voidPromise());
    ByteBuf body = request.content();
    ch.writeAndFlush(body.isReadable() ? new DefaultLastHttpContent(body.retainedDuplicate())
        : LastHttpContent.EMPTY_LAST_CONTENT, ch.voidPromise());
  }

  void onBackend(Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpResponse r && !headSent) {
      if (r.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        fail(502);
        return;
      }
      backendKeepAlive = HttpUtil.isKeepAlive(r);
      ForwardedHeaders.stripHopByHop(r.headers());
      if (!http2) {
        HttpUtil.setKeepAlive(r, frontKeepAlive);
        if (!r.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
          HttpUtil.setTransferEncodingChunked(r, true);
        }
      }
      headSent = true;
    } else if (!headSent || (msg instanceof HttpContent c && c.decoderResult().isFailure())) {
      ReferenceCountUtil.release(msg);
      fail(502);
      return;
    }
    front.channel().write(msg, front.channel().voidPromise());
    if (msg instanceof LastHttpContent) {
      complete();
    }
  }

  void onBackendReadComplete() {
    front.channel().flush();
    if (!done && !front.channel().isWritable()) {
      backend.config().setAutoRead(false);
    }
  }

  /** The client drained its buffer: read more of the response. */
  void onFrontWritable() {
    if (!done && backend != null) {
      backend.config().setAutoRead(true);
    }
  }

  void onBackendClosed() {
    if (done) {
      return;
    }
    if (!headSent && reused && !retried) {
      retried = true;
      backend.attr(BackendPool.EXCHANGE).set(null);
      connect(true);
      return;
    }
    if (!headSent) {
      fail(502);
    } else {
      finish();
      front.channel().close();
    }
  }

  /** The client went away: the backend connection is in an unknown state and is dropped. */
  void abort() {
    if (!done) {
      finish();
      if (backend != null) {
        backend.close();
      }
    }
  }

  private void complete() {
    finish();
    if (backendKeepAlive && backend.isActive()) {
      pool.release(key, backend);
    } else {
      backend.close();
    }
    front.channel().flush();
    front.finished(frontKeepAlive);
  }

  private void fail(int status) {
    finish();
    if (backend != null) {
      backend.attr(BackendPool.EXCHANGE).set(null);
      backend.close();
    }
    if (headSent) {
      front.channel().close();
    } else {
      front.error(status, frontKeepAlive);
    }
  }

  private void finish() {
    done = true;
    request.release();
  }

  /** Nothing sent or received on the target connection for the idle timeout. */
  void onBackendIdle() {
    if (!done) {
      fail(504);
    }
  }
}
