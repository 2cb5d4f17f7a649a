package dev.privatelink.dataplane.elb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP target for tests: answers every request with a configurable status and a body naming
 * itself, followed by the request line and headers it received, one per line (header names lower
 * case) and, when there is one, the request body on a line {@code body: ...}; it remembers the remote address of each request that is not a health check.
 */
public final class HttpBackend implements AutoCloseable {
  private final HttpServer server;
  public final AtomicInteger status = new AtomicInteger(200);
  public final List<InetSocketAddress> remotes = new CopyOnWriteArrayList<>();

  public HttpBackend(String name, String ip, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 128);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ex -> {
      String agent = ex.getRequestHeaders().getFirst("User-Agent");
      if (agent == null || !agent.startsWith("ELB-HealthChecker")) {
        remotes.add(ex.getRemoteAddress());
      }
      StringBuilder sb = new StringBuilder(name).append('\n')
          .append(ex.getRequestMethod()).append(' ').append(ex.getRequestURI()).append('\n');
      for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
        for (String v : h.getValue()) {
          sb.append(h.getKey().toLowerCase()).append(": ").append(v).append('\n');
        }
      }
      byte[] received = ex.getRequestBody().readAllBytes();
      if (received.length > 0) {
        sb.append("body: ").append(new String(received, StandardCharsets.UTF_8)).append('\n');
      }
      byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(status.get(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
