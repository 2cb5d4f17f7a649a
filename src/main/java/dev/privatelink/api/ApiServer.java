package dev.privatelink.api;

import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The AWS endpoint: one HTTP port (4566 by default, loopback unless asked) serving EC2, ELBv2,
 * ACM and STS, plus {@code GET /_privatelink/health} (open to all), and moto's
 * {@code POST /moto-api/reset} and the {@code /_privatelink/*} views, which {@link LocalAccess}
 * guards: a signed request acts for its own account, the local token for the whole cloud.
 */
public final class ApiServer implements AutoCloseable {
  /** Bodies above this are refused: the largest AWS request we serve (ImportCertificate) is far smaller. */
  static final int MAX_BODY = 4 * 1024 * 1024;
  private final HttpTransport server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ApiRouter router;
  private final Cloud cloud;
  private final Map<String, Function<@Nullable String, String>> extraJson = new LinkedHashMap<>();
  private final Map<String, LocalAction> actions = new LinkedHashMap<>();
  private final Map<String, Function<@Nullable String, String>> streams = new LinkedHashMap<>();
  private final Map<String, StreamingAction> streamingActions = new LinkedHashMap<>();
  private final Map<String, String> pages = new LinkedHashMap<>();
  private final EventStream events;
  private volatile LocalAccess access;
  private volatile java.util.function.LongSupplier hostVersion = () -> -1;

  public ApiServer(Cloud cloud, String host, int port, Optional<Credentials> strict) throws IOException {
    this.cloud = cloud;
    this.router = new ApiRouter(cloud, strict);
    this.access = new LocalAccess(router, cloud, null, false);
    this.events = new EventStream(cloud);
    this.server = new HttpTransport(host, port, MAX_BODY, this::serve, executor);
  }

  /** Where the health answer reads the state version the host last reflected ({@code hostVersion}). */
  public void hostVersion(java.util.function.LongSupplier supplier) {
    this.hostVersion = supplier;
  }

  /**
   * Sets who may reset and read the views besides signed callers: the holder of {@code token}
   * (null: nobody), and, with {@code allowUnsignedReset}, anyone resetting without a signature.
   */
  public void localAccess(@Nullable String token, boolean allowUnsignedReset) {
    this.access = new LocalAccess(router, cloud, token, allowUnsignedReset);
  }

  /**
   * Adds a read-only JSON view at {@code path} (e.g. the notification log); {@code body} gets the
   * account it may show, or null for every account.
   */
  public void addJsonView(String path, Function<@Nullable String, String> body) {
    extraJson.put(path, body);
  }

  /**
   * A local action under {@code /_privatelink} that changes the running cloud's host side (e.g.
   * opening a port forward), guarded like the views: it gets the request's method, its query
   * parameters and the granted account (null: every account), and answers JSON or throws
   * {@code AwsException}, answered as JSON {@code {"__type", "message"}} with its status.
   */
  public interface LocalAction {
    String answer(String method, Map<String, String> query, @Nullable String accountId);
  }

  public void addLocalAction(String path, LocalAction action) {
    actions.put(path, action);
  }

  /**
   * A local action that reports its progress as it goes, e.g. applying the seed stack: a {@code
   * POST} granted like the views gets a server-sent events stream, each line {@code progress} gives
   * as a {@code data} event, then the action's JSON answer as a {@code result} event, or its
   * failure as an {@code error} event of {@code {"__type", "message"}}.
   */
  public interface StreamingAction {
    String answer(Map<String, String> query, @Nullable String accountId, java.util.function.Consumer<String> progress);
  }

  public void addStreamingAction(String path, StreamingAction action) {
    streamingActions.put(path, action);
  }

  /**
   * A page for a browser at {@code path}: the HTML resource {@code html}, served to a request
   * granted like the views. A browser cannot sign or add a header, so these also take the local
   * token from the {@code token} query parameter.
   */
  public void addPage(String path, String html) {
    pages.put(path, html);
  }

  /**
   * A server-sent events stream at {@code path}, guarded like {@link #addPage}: {@code view} of
   * the granted account as a {@code picture} event at once and after each change of the state.
   */
  public void addEventStream(String path, Function<@Nullable String, String> view) {
    streams.put(path, view);
  }

  public ApiServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.port();
  }

  private void serve(ApiRequest request, HttpConnection.Exchange exchange) {
    String path = request.path();
    boolean get = request.method().equals("GET");
    if (get && streams.containsKey(path)) {
      stream(exchange, request, streams.get(path));
    } else if (request.method().equals("POST") && streamingActions.containsKey(path)) {
      access.streamAction(request, exchange, streamingActions.get(path));
    } else {
      exchange.send(answer(request, path, get));
    }
  }

  private ApiResponse answer(ApiRequest request, String path, boolean get) {
    if (get && pages.containsKey(path)) {
      return access.page(request, pages.get(path));
    } else if (path.equals("/moto-api/reset") && request.method().equals("POST")) {
      return access.reset(request);
    } else if (path.equals("/_privatelink/health") || path.equals("/health")) {
      return ApiResponse.json(200, "application/json", "{\"status\":\"running\",\"version\":" + cloud.version()
          + ",\"hostVersion\":" + hostVersion.getAsLong() + "}", Map.of());
    } else if (actions.containsKey(path)) {
      return access.action(request, actions.get(path));
    } else if (extraJson.containsKey(path)) {
      return view(path, request);
    }
    return router.route(request);
  }

  /** AWS's answer to a request whose body is over {@link #MAX_BODY}, which is never read. */
  static ApiResponse tooLarge() {
    return ApiResponse.xml(413, "<ErrorResponse><Error><Code>RequestEntityTooLarge</Code><Message>Request body "
        + "exceeds " + MAX_BODY + " bytes</Message></Error></ErrorResponse>");
  }

  /** Streams {@code view} to a granted request until the client leaves; refuses any other as AWS does. */
  private void stream(HttpConnection.Exchange exchange, ApiRequest request, Function<@Nullable String, String> view) {
    LocalAccess.Grant grant;
    try {
      grant = access.browserGrant(request);
    } catch (dev.privatelink.control.AwsException e) {
      exchange.send(access.refuse(request, e));
      return;
    }
    events.stream(exchange.stream(), view, grant.accountId());
  }

  private ApiResponse view(String path, ApiRequest request) {
    return view(path, request, extraJson.get(path));
  }

  private ApiResponse view(String path, ApiRequest request, Function<@Nullable String, String> body) {
    try {
      return access.view(request, body);
    } catch (dev.privatelink.control.AwsException e) {
      return router.refuse(request, e);
    } catch (RuntimeException e) {
      System.getLogger(ApiServer.class.getName()).log(System.Logger.Level.ERROR, "view " + path + " failed", e);
      return ApiResponse.json(500, "application/json", "{\"error\":\"InternalError\"}", Map.of());
    }
  }

  @Override
  public void close() {
    server.close();
    executor.shutdownNow();
  }
}
