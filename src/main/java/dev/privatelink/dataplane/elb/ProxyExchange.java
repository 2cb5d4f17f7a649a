package dev.privatelink.dataplane.elb;

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
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One request forwarded to one target and its response streamed back. The status codes follow
 * ALB: 502 when the target closes or resets before answering or answers garbage, 504 when it does
 * not accept within 10 s or sends nothing for the idle timeout. A stale pooled connection that
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
  private final long timeoutNanos;
  private @Nullable Channel backend;
  private boolean reused;
  private boolean retried;
  private boolean headSent;
  private boolean backendKeepAlive;
  private boolean done;
  private long lastActivity;
  private @Nullable ScheduledFuture<?> timer;

  ProxyExchange(Front front, BackendPool pool, BackendPool.Key key, FullHttpRequest request, boolean frontKeepAlive,
      boolean http2, int timeoutSeconds) {
    this.front = front;
    this.pool = pool;
    this.key = key;
    this.request = request;
    this.frontKeepAlive = frontKeepAlive;
    this.http2 = http2;
    this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
  }

  void start() {
    lastActivity = System.nanoTime();
    timer = front.channel().eventLoop().schedule(this::checkTimeout, timeoutNanos, TimeUnit.NANOSECONDS);
    connect(false);
  }

  private void connect(boolean fresh) {
    BackendPool.Lease lease = pool.acquire(key, fresh);
    reused = lease.reused();
    ChannelFuture f = lease.future();
    backend = f.channel();
    if (f.isDone()) {
      connected(f);
    } else {
      f.addListener((ChannelFuture cf) -> connected(cf));
    }
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
    backend.attr(BackendPool.EXCHANGE).set(this);
    backend.config().setAutoRead(front.channel().isWritable());
    // head and body apart: a retained duplicate of a full request would copy every header
    backend.write(new DefaultHttpRequest(request.protocolVersion(), request.method(), request.uri(), request.headers()),
        backend.voidPromise());
    backend.writeAndFlush(new DefaultLastHttpContent(request.content().retainedDuplicate())).addListener(w -> {
      if (!w.isSuccess()) {
        onBackendClosed();
      }
    });
  }

  void onBackend(Object msg) {
    if (done) {
      ReferenceCountUtil.release(msg);
      return;
    }
    lastActivity = System.nanoTime();
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
    if (timer != null) {
      timer.cancel(false);
    }
    request.release();
  }

  private void checkTimeout() {
    if (done) {
      return;
    }
    long idle = System.nanoTime() - lastActivity;
    if (idle >= timeoutNanos) {
      fail(504);
    } else {
      timer = front.channel().eventLoop().schedule(this::checkTimeout, timeoutNanos - idle, TimeUnit.NANOSECONDS);
    }
  }
}
