package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the endpoints that are not AWS actions ({@code POST /moto-api/reset} and the
 * {@code /_privatelink/*} views), and for which accounts. A request signed as any AWS call is
 * (verified in strict mode) acts for the signing account only. A request that carries the local
 * token (the file {@code local-token} in the data dir, readable by root only) acts for the whole
 * cloud, or for the account its {@code account} query parameter names; a browser, which cannot
 * add a header, may send the token in the {@code token} query parameter of a page or event stream. Anything else is refused
 * with AWS's MissingAuthenticationToken, except an unsigned reset when the server was started
 * with {@code --allow-unsigned-reset}: that empties the whole cloud, as moto's server does.
 */
public final class LocalAccess {
  /** The header the CLI sends the local token in. */
  public static final String TOKEN_HEADER = "x-privatelink-token";
  private final ApiRouter router;
  private final Cloud cloud;
  private final @Nullable String token;
  private final boolean allowUnsignedReset;

  /**
   * @param token the local token; null accepts no token
   * @param allowUnsignedReset whether an unsigned reset empties the whole cloud
   */
  public LocalAccess(ApiRouter router, Cloud cloud, @Nullable String token, boolean allowUnsignedReset) {
    this.router = router;
    this.cloud = cloud;
    this.token = token;
    this.allowUnsignedReset = allowUnsignedReset;
  }

  /** Whose data a request may see or change: one account, or every account (null). */
  public record Grant(@Nullable String accountId) {
    boolean wholeCloud() {
      return accountId == null;
    }
  }

  /** The grant of a request; throws AWS's authentication errors when it has none. */
  Grant grant(ApiRequest request) {
    String sent = request.header(TOKEN_HEADER);
    if (sent != null) {
      if (token == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        throw new AwsException("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
      }
      String account = FormBody.parse(request.rawQuery()).get("account");
      if (account != null && !account.matches("\\d{12}")) {
        throw AwsException.invalidParameterValue("The account must be 12 digits");
      }
      return new Grant(account);
    }
    return new Grant(router.authenticated(request).accountId());
  }

  /**
   * The grant of a browser's request, which cannot carry a header: the local token may come in
   * the {@code token} query parameter instead; throws AWS's authentication errors when it has none.
   */
  Grant browserGrant(ApiRequest request) {
    String sent = FormBody.parse(request.rawQuery()).get("token");
    if (sent == null || request.header(TOKEN_HEADER) != null) {
      return grant(request);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    headers.put(TOKEN_HEADER, List.of(sent));
    return grant(new ApiRequest(request.method(), request.path(), request.rawQuery(), headers, request.body()));
  }

  /**
   * Serves the HTML resource {@code html} to a granted browser. The page is not cached and sends
   * no referrer, so the token in its address stays in the browser's address bar.
   */
  ApiResponse page(ApiRequest request, String html) {
    try {
      browserGrant(request);
    } catch (AwsException e) {
      return router.refuse(request, e);
    }
    try (InputStream in = LocalAccess.class.getResourceAsStream(html)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + html);
      }
      return new ApiResponse(200, "text/html;charset=UTF-8", Map.of("Cache-Control", "no-store",
          "Referrer-Policy", "no-referrer", "Content-Security-Policy",
          "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** AWS's answer to a request that {@link #browserGrant} refuses. */
  ApiResponse refuse(ApiRequest request, AwsException e) {
    return router.refuse(request, e);
  }

  /** {@code POST /moto-api/reset}: empties the granted account, or the whole cloud. */
  ApiResponse reset(ApiRequest request) {
    try {
      Grant grant = unsignedResetAllowed(request) ? new Grant(null) : grant(request);
      if (grant.wholeCloud()) {
        cloud.reset();
      } else {
        cloud.resetAccount(grant.accountId());
      }
      return ApiResponse.json(200, "application/json", "{\"status\":\"ok\"}", java.util.Map.of());
    } catch (AwsException e) {
      return router.refuse(request, e);
    }
  }

  /** Serves a view to a granted request, for its account or every account. */
  ApiResponse view(ApiRequest request, java.util.function.Function<@Nullable String, String> view) {
    Grant grant;
    try {
      grant = grant(request);
    } catch (AwsException e) {
      return router.refuse(request, e);
    }
    return ApiResponse.json(200, "application/json", view.apply(grant.accountId()), java.util.Map.of());
  }

  /** Runs a local action for a granted request; its AWS errors are answered as JSON, others as InternalError. */
  ApiResponse action(ApiRequest request, ApiServer.LocalAction action) {
    Grant grant;
    try {
      grant = grant(request);
    } catch (AwsException e) {
      return router.refuse(request, e);
    }
    try {
      return ApiResponse.json(200, "application/json",
          action.answer(request.method(), FormBody.parse(request.rawQuery()), grant.accountId()), java.util.Map.of());
    } catch (AwsException e) {
      return ApiResponse.json(e.status(), "application/json", "{\"__type\":" + quote(e.code()) + ",\"message\":"
          + quote(e.getMessage()) + "}", java.util.Map.of());
    } catch (RuntimeException e) {
      System.getLogger(LocalAccess.class.getName()).log(System.Logger.Level.ERROR, request.path() + " failed", e);
      return ApiResponse.json(500, "application/json",
          "{\"__type\":\"InternalError\",\"message\":\"An internal error has occurred\"}", java.util.Map.of());
    }
  }

  /** Runs a streaming local action for a granted request (see {@link ApiServer.StreamingAction}). */
  void streamAction(ApiRequest request, HttpConnection.Exchange exchange, ApiServer.StreamingAction action) {
    Grant grant;
    try {
      grant = grant(request);
    } catch (AwsException e) {
      exchange.send(router.refuse(request, e));
      return;
    }
    EventStream.Sink sink = exchange.stream();
    ProgressEvents events = new ProgressEvents(sink);
    try {
      events.send("result", action.answer(FormBody.parse(request.rawQuery()), grant.accountId(), events::line));
    } catch (AwsException e) {
      events.send("error", "{\"__type\":" + quote(e.code()) + ",\"message\":" + quote(e.getMessage()) + "}");
    } catch (RuntimeException e) {
      System.getLogger(LocalAccess.class.getName()).log(System.Logger.Level.ERROR, request.path() + " failed", e);
      events.send("error", "{\"__type\":\"InternalError\",\"message\":" + quote(String.valueOf(e.getMessage())) + "}");
    }
  }

  /**
   * A streaming action's events. A client that went away stops the events, not the action: what it
   * asked for is carried out, as a call whose answer is lost still is.
   */
  private static final class ProgressEvents {
    private final EventStream.Sink sink;
    private volatile boolean gone;

    ProgressEvents(EventStream.Sink sink) {
      this.sink = sink;
    }

    void line(String text) {
      send(null, text);
    }

    synchronized void send(@Nullable String event, String data) {
      if (gone) {
        return;
      }
      try {
        sink.write((event == null ? "" : "event: " + event + "\n") + "data: " + data.replace("\n", "\ndata: ") + "\n\n");
      } catch (IOException e) {
        gone = true;
      } catch (InterruptedException e) {
        gone = true;
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String quote(@Nullable String text) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(text == null ? "" : text).toString();
  }

  private boolean unsignedResetAllowed(ApiRequest request) {
    return allowUnsignedReset && request.header("authorization") == null && request.header(TOKEN_HEADER) == null
        && !FormBody.parse(request.rawQuery()).containsKey("X-Amz-Credential");
  }
}
