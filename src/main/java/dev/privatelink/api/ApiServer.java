package dev.privatelink.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.privatelink.control.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ApiRouter router;
  private final Cloud cloud;
  private final Map<String, Function<@Nullable String, String>> extraJson = new LinkedHashMap<>();
  private final Map<String, LocalAction> actions = new LinkedHashMap<>();
  private final Map<String, Function<@Nullable String, String>> streams = new LinkedHashMap<>();
  private final Map<String, String> pages = new LinkedHashMap<>();
  private final EventStream events;
  private volatile LocalAccess access;
  private volatile java.util.function.LongSupplier hostVersion = () -> -1;

  static {
    // The JDK's server sends a response's headers and a body above its 8 KiB buffer in two writes;
    // with Nagle's algorithm the second waits for the client's delayed ACK (up to 40 ms on Linux),
    // so a large Describe answer would take 40 ms longer than it needs to. Read once, when the JDK
    // server's configuration class loads: an explicit -D setting is left as it is.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  public ApiServer(Cloud cloud, String host, int port, Optional<Credentials> strict) throws IOException {
    this.cloud = cloud;
    this.router = new ApiRouter(cloud, strict);
    this.access = new LocalAccess(router, cloud, null, false);
    this.events = new EventStream(cloud);
    this.server = HttpServer.create(new InetSocketAddress(host, port), 512);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
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
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      String path = exchange.getRequestURI().getRawPath();
      ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
          lowerCase(exchange.getRequestHeaders()), body == null ? new byte[0] : body);
      ApiResponse response;
      if (body != null && streams.containsKey(path) && exchange.getRequestMethod().equals("GET")) {
        stream(exchange, request, streams.get(path));
        return;
      } else if (body != null && pages.containsKey(path) && exchange.getRequestMethod().equals("GET")) {
        response = access.page(request, pages.get(path));
      } else if (body == null) {
        response = ApiResponse.xml(413, "<ErrorResponse><Error><Code>RequestEntityTooLarge</Code><Message>Request body "
            + "exceeds " + MAX_BODY + " bytes</Message></Error></ErrorResponse>");
      } else if (path.equals("/moto-api/reset") && exchange.getRequestMethod().equals("POST")) {
        response = access.reset(request);
      } else if (path.equals("/_privatelink/health") || path.equals("/health")) {
        response = ApiResponse.json(200, "application/json", "{\"status\":\"running\",\"version\":" + cloud.version()
            + ",\"hostVersion\":" + hostVersion.getAsLong() + "}", Map.of());
      } else if (actions.containsKey(path)) {
        response = access.action(request, actions.get(path));
      } else if (extraJson.containsKey(path)) {
        response = view(path, request);
      } else {
        response = router.route(request);
      }
      write(exchange, response);
    }
  }

  /** Streams {@code view} to a granted request until the client leaves; refuses any other as AWS does. */
  private void stream(HttpExchange exchange, ApiRequest request, Function<@Nullable String, String> view) throws IOException {
    LocalAccess.Grant grant;
    try {
      grant = access.browserGrant(request);
    } catch (dev.privatelink.control.AwsException e) {
      write(exchange, access.refuse(request, e));
      return;
    }
    events.stream(exchange, view, grant.accountId());
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

  private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.getResponseHeaders().set("Server", "privatelink-local");
    exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private static byte @Nullable [] readBody(InputStream in) throws IOException {
    byte[] data = in.readNBytes(MAX_BODY + 1);
    if (data.length > MAX_BODY) {
      in.skip(Long.MAX_VALUE);
      return null;
    }
    return data;
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
