package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Responses the load balancer writes itself: AWS-like error pages, fixed responses, redirects. */
final class AlbResponses {
  static final String SERVER = "awselb/2.0";

  private AlbResponses() {}

  /** The HTML page ALB answers 502, 503 and 504 with. */
  static FullHttpResponse error(int code) {
    String reason = switch (code) {
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      case 400 -> "Bad Request";
      default -> HttpResponseStatus.valueOf(code).reasonPhrase();
    };
    String body = "<html>\r\n<head><title>" + code + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
        + code + " " + reason + "</h1></center>\r\n</body>\r\n</html>\r\n";
    return make(new HttpResponseStatus(code, reason), "text/html", body);
  }

  static FullHttpResponse fixed(ActionSpec.FixedResponse f) {
    return make(HttpResponseStatus.valueOf(f.statusCode()),
        f.contentType() == null ? "text/plain; charset=utf-8" : f.contentType(), f.body() == null ? "" : f.body());
  }

  /** A redirect whose parts may reuse the request's with #{protocol}, #{host}, #{port}, #{path}, #{query}. */
  static FullHttpResponse redirect(ActionSpec.Redirect r, HttpRequest req, boolean https, int listenerPort) {
    String protocol = https ? "https" : "http";
    String host = Rules.stripPort(req.headers().get(HttpHeaderNames.HOST));
    String path = Rules.path(req.uri());
    String query = Rules.query(req.uri());
    String[] from = {"#{protocol}", "#{host}", "#{port}", "#{path}", "#{query}"};
    String[] to = {protocol, host == null ? "" : host, Integer.toString(listenerPort),
        path.startsWith("/") ? path.substring(1) : path, query};
    String proto = fill(or(r.protocol(), "#{protocol}"), from, to).toLowerCase();
    String h = fill(or(r.host(), "#{host}"), from, to);
    String port = fill(or(r.port(), "#{port}"), from, to);
    String p = fill(or(r.path(), "/#{path}"), from, to);
    String q = fill(or(r.query(), "#{query}"), from, to);
    boolean defaultPort = (proto.equals("https") && port.equals("443")) || (proto.equals("http") && port.equals("80"));
    String location = proto + "://" + h + (defaultPort || port.isEmpty() ? "" : ":" + port)
        + (p.startsWith("/") ? p : "/" + p) + (q.isEmpty() ? "" : "?" + q);
    FullHttpResponse res = make(HttpResponseStatus.valueOf(r.statusCode() == 0 ? 301 : r.statusCode()), null, "");
    res.headers().set(HttpHeaderNames.LOCATION, location);
    return res;
  }

  private static String or(@Nullable String v, String dflt) {
    return v == null || v.isEmpty() ? dflt : v;
  }

  private static String fill(String template, String[] from, String[] to) {
    String out = template;
    for (int i = 0; i < from.length; i++) {
      out = out.replace(from[i], to[i]);
    }
    return out;
  }

  private static FullHttpResponse make(HttpResponseStatus status, @Nullable String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    res.headers().set(HttpHeaderNames.SERVER, SERVER)
        .set(HttpHeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    if (contentType != null) {
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    return res;
  }
}
