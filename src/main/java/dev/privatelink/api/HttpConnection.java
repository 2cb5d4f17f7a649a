package dev.privatelink.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * One client connection: its requests are answered one at a time and in the order they came, so
 * pipelining is safe, each on the executor (the handler may block until the store says a change is
 * durable: it answers only then). The queue is touched only on the connection's event loop. A
 * request cut off by a disconnect never reaches the handler; a malformed one gets 400 and the
 * connection is closed, since its framing can no longer be trusted.
 */
final class HttpConnection extends SimpleChannelInboundHandler<Object> {
  /** What serves a request: it must {@link Exchange#send} once or {@link Exchange#stream} until it returns. */
  interface Handler {
    void serve(ApiRequest request, Exchange exchange);
  }

  /** A request whose body was over the limit and was discarded. */
  record TooLarge(boolean keepAlive) {}

  private enum Kind { REQUEST, TOO_LARGE, MALFORMED }

  private record Pending(Kind kind, @Nullable ApiRequest request, boolean keepAlive, boolean head) {}

  /** The {@code Date} header's text, made again only when the second changes. */
  private record Date(long second, String text) {}

  private static volatile Date date = new Date(-1, "");

  private static final String SERVER = "privatelink-local";
  private final Handler handler;
  private final ExecutorService executor;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean busy;

  HttpConnection(Handler handler, ExecutorService executor) {
    super(false);
    this.handler = handler;
    this.executor = executor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof FullHttpRequest request) {
        queue.add(pending(request));
      } else if (msg instanceof TooLarge large) {
        queue.add(new Pending(Kind.TOO_LARGE, null, large.keepAlive(), false));
      } else {
        return;
      }
    } finally {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
    next(ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset by the client or a failed write: nothing left to answer on this connection.
    ctx.close();
  }

  private static Pending pending(FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      return new Pending(Kind.MALFORMED, null, false, false);
    }
    String uri = request.uri();
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      int slash = uri.indexOf('/', uri.indexOf("//") + 2);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    // A request without a query has none, as the JDK server's URI said: null, not empty.
    String query = q < 0 ? null : uri.substring(q + 1);
    ApiRequest api = new ApiRequest(request.method().name(), path, query, headers(request.headers()),
        ByteBufUtil.getBytes(request.content()));
    return new Pending(Kind.REQUEST, api, HttpUtil.isKeepAlive(request), request.method().equals(HttpMethod.HEAD));
  }

  private static Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.iteratorAsString().forEachRemaining(e ->
        out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(e.getValue()));
    return out;
  }

  /** Starts the next queued request unless one is running; on the event loop only. */
  private void next(Channel channel) {
    Pending pending = queue.peek() == null || busy ? null : queue.poll();
    if (pending == null) {
      return;
    }
    busy = true;
    Exchange exchange = new Exchange(channel, pending);
    switch (pending.kind()) {
      case TOO_LARGE -> exchange.send(ApiServer.tooLarge());
      case MALFORMED -> exchange.finish(channel.writeAndFlush(badRequest()), false);
      case REQUEST -> {
        try {
          executor.execute(() -> exchange.run(handler));
        } catch (RejectedExecutionException e) {
          channel.close();
        }
      }
    }
  }

  private static FullHttpResponse badRequest() {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
        Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE).set(HttpHeaderNames.CONTENT_LENGTH, 0);
    return response;
  }

  /** The wire form of {@code response}: a HEAD answer has the headers of the GET's but no body. */
  static FullHttpResponse encode(ApiResponse response, boolean keepAlive, boolean head) {
    byte[] body = response.body();
    FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    HttpHeaders h = out.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
    response.headers().forEach(h::set);
    h.set(HttpHeaderNames.SERVER, SERVER).set(HttpHeaderNames.DATE, now());
    h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    h.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return out;
  }

  private static String now() {
    long millis = System.currentTimeMillis();
    Date cached = date;
    if (cached.second() != millis / 1000) {
      cached = new Date(millis / 1000, DateFormatter.format(new java.util.Date(millis / 1000 * 1000)));
      date = cached;
    }
    return cached.text();
  }

  /** One request's answer: a whole response, or a stream of server-sent events. */
  final class Exchange {
    private final Channel channel;
    private final Pending pending;
    private boolean answered;
    private boolean streamed;

    private Exchange(Channel channel, Pending pending) {
      this.channel = channel;
      this.pending = pending;
    }

    private void run(Handler handler) {
      try {
        handler.serve(java.util.Objects.requireNonNull(pending.request()), this);
      } catch (RuntimeException e) {
        System.getLogger(HttpConnection.class.getName()).log(System.Logger.Level.ERROR, "request failed", e);
        if (!answered) {
          send(ApiResponse.json(500, "application/json", "{\"__type\":\"InternalError\"}", Map.of()));
        }
      } finally {
        if (streamed) {
          // The last chunk first: a client reading the chunked stream to its end sees it end, not break.
          channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        } else if (!answered) {
          channel.close();
        }
      }
    }

    /** Writes {@code response}; the connection's next request starts once it is written. */
    void send(ApiResponse response) {
      answered = true;
      finish(channel.writeAndFlush(encode(response, pending.keepAlive(), pending.head())), pending.keepAlive());
    }

    private void finish(ChannelFuture written, boolean keepAlive) {
      written.addListener((ChannelFutureListener) f -> {
        if (!f.isSuccess() || !keepAlive) {
          f.channel().close();
        } else {
          busy = false;
          next(f.channel());
        }
      });
    }

    /** Sends the headers of an event stream and gives where its events go; the connection ends with it. */
    EventStream.Sink stream() {
      answered = true;
      streamed = true;
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
          .set(HttpHeaderNames.CACHE_CONTROL, "no-store").set(HttpHeaderNames.SERVER, SERVER)
          .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      channel.writeAndFlush(head);
      return new EventStream.Sink() {
        @Override
        public void write(String text) throws IOException, InterruptedException {
          ChannelFuture f = channel.writeAndFlush(new DefaultHttpContent(
              Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)))).await();
          if (!f.isSuccess()) {
            throw new IOException("the client went away", f.cause());
          }
        }

        @Override
        public boolean open() {
          return channel.isActive();
        }

        @Override
        public void onClose(Runnable action) {
          channel.closeFuture().addListener(f -> action.run());
        }
      };
    }
  }
}
