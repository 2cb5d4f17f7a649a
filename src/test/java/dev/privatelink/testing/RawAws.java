package dev.privatelink.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP requests to the local API, for the cases the SDKs never send: unsigned requests,
 * unknown actions, malformed bodies. The Authorization header carries a credential scope but no
 * valid signature, which only the non-strict mode accepts.
 */
public final class RawAws {
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  public RawAws(URI endpoint) {
    this.endpoint = endpoint;
  }

  public static String authorization(String accessKey, String service) {
    return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20261126/us-east-1/" + service
        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
  }

  public HttpResponse<String> post(String body, String contentType, String authorization, String target) {
    var b = HttpRequest.newBuilder(endpoint.resolve("/")).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType);
    if (authorization != null) {
      b.header("Authorization", authorization).header("X-Amz-Date", "20261126T000000Z");
    }
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return send(b.build());
  }

  public HttpResponse<String> form(String service, String accessKey, String body) {
    return post(body, "application/x-www-form-urlencoded; charset=utf-8", authorization(accessKey, service), null);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
