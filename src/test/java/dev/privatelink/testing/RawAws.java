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

  /**
   * A request signed with SigV4 for real (the SDK's signer), as strict mode verifies it: for the
   * endpoints outside the AWS actions (reset, views) that no SDK client calls.
   */
  public HttpResponse<String> signed(String method, String pathAndQuery, String accessKey, String secretKey, String service) {
    URI uri = endpoint.resolve(pathAndQuery);
    var unsigned = software.amazon.awssdk.http.SdkHttpRequest.builder().uri(uri)
        .method(software.amazon.awssdk.http.SdkHttpMethod.fromValue(method)).build();
    var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
        .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(accessKey, secretKey))
        .request(unsigned).payload(software.amazon.awssdk.http.ContentStreamProvider.fromUtf8String(""))
        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    var b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    signed.request().headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return send(b.build());
  }

  /** A request with one header of the caller's choosing (e.g. the local token), or none when {@code header} is null. */
  public HttpResponse<String> send(String method, String pathAndQuery, @org.jspecify.annotations.Nullable String header,
      @org.jspecify.annotations.Nullable String value) {
    var b = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody());
    if (header != null && value != null) {
      b.header(header, value);
    }
    return send(b.build());
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
