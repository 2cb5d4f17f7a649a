package dev.privatelink.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to the local cloud's own {@code http://} address, for the CLI's short JVMs and the
 * health probe. It goes through {@link HttpURLConnection} rather than {@code java.net.http.HttpClient},
 * whose construction sets up the JDK's default TLS context (providers, the trust store) even for a
 * plain loopback request: on a cold JVM that costs a few hundred milliseconds of every {@code exec}
 * and of {@code up}'s wait for its server. Never uses a proxy: the address is this machine's.
 */
public final class LoopbackHttp {
  private LoopbackHttp() {}

  /** A status and the body as text (the error body for statuses of 400 and up). */
  public record Answer(int status, String body) {}

  /**
   * Sends {@code method} to {@code url} with {@code headers} and no body; throws when nothing
   * answers within {@code timeout} (zero: waits as long as it takes).
   */
  public static Answer send(String method, String url, Map<String, String> headers, Duration timeout) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
    try {
      c.setRequestMethod(method);
      c.setConnectTimeout(timeout.isZero() ? 1000 : (int) Math.min(timeout.toMillis(), 1000));
      c.setReadTimeout((int) timeout.toMillis());
      c.setUseCaches(false);
      headers.forEach(c::setRequestProperty);
      if (method.equals("POST") || method.equals("PUT")) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(0);
        c.getOutputStream().close();
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      String body = in == null ? "" : readAll(in);
      return new Answer(status, body);
    } finally {
      c.disconnect();
    }
  }

  /**
   * POSTs to {@code url} with {@code headers} and no body, and hands each line of a 200 answer to
   * {@code lines} as it arrives (a stream of server-sent events); waits as long as the answer takes.
   * Returns the status, with the body for statuses of 400 and up.
   */
  public static Answer postStreaming(String url, Map<String, String> headers, java.util.function.Consumer<String> lines)
      throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
    try {
      c.setRequestMethod("POST");
      c.setConnectTimeout(1000);
      c.setUseCaches(false);
      headers.forEach(c::setRequestProperty);
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(0);
      c.getOutputStream().close();
      int status = c.getResponseCode();
      if (status >= 400) {
        InputStream error = c.getErrorStream();
        return new Answer(status, error == null ? "" : readAll(error));
      }
      try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.accept(line);
        }
      }
      return new Answer(status, "");
    } finally {
      c.disconnect();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
