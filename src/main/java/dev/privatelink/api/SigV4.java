package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks AWS Signature Version 4: the credential scope (access key, date, region,
 * service) from the Authorization header or a presigned query, and, in strict mode, the signature.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
final class SigV4 {
  private static final HexFormat HEX = HexFormat.of();

  /** The parsed parts of a signed request. */
  record Signature(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
      String signature, boolean presigned) {
    String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  private SigV4() {}

  /** The request's signature, or a MissingAuthenticationToken error when it carries none. */
  static Signature read(ApiRequest request, Map<String, String> query) {
    String auth = request.header("authorization");
    if (auth != null && auth.startsWith("AWS4-HMAC-SHA256")) {
      Map<String, String> parts = new TreeMap<>();
      for (String part : auth.substring("AWS4-HMAC-SHA256".length()).split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
      }
      return fromParts(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), false);
    }
    if (query.containsKey("X-Amz-Credential")) {
      return fromParts(query.get("X-Amz-Credential"), query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"), true);
    }
    throw new AwsException("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  }

  private static Signature fromParts(@Nullable String credential, @Nullable String signedHeaders, @Nullable String signature, boolean presigned) {
    String[] scope = credential == null ? new String[0] : credential.split("/");
    if (scope.length != 5 || !"aws4_request".equals(scope[4]) || signedHeaders == null || signature == null) {
      throw new AwsException("IncompleteSignature", "Authorization header requires 'Credential', 'Signature' and "
          + "'SignedHeaders' parameters with a valid credential scope.", 403);
    }
    return new Signature(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature, presigned);
  }

  /** True if the signature is the one {@code secretKey} makes for this request. */
  static boolean verify(ApiRequest request, Signature sig, String secretKey) {
    String amzDate = sig.presigned() ? FormBody.parse(request.rawQuery()).get("X-Amz-Date") : request.header("x-amz-date");
    if (amzDate == null) {
      return false;
    }
    String payloadHash = request.header("x-amz-content-sha256");
    if (payloadHash == null) {
      payloadHash = sig.presigned() ? "UNSIGNED-PAYLOAD" : HEX.formatHex(sha256(request.body()));
    }
    String canonical = request.method() + "\n" + canonicalUri(request.path()) + "\n"
        + canonicalQuery(request.rawQuery(), sig.presigned()) + "\n" + canonicalHeaders(request, sig.signedHeaders())
        + "\n" + String.join(";", sig.signedHeaders()) + "\n" + payloadHash;
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + sig.scope() + "\n" + HEX.formatHex(sha256(bytes(canonical)));
    byte[] key = signingKey(secretKey, sig);
    String expected = HEX.formatHex(hmac(key, toSign));
    return MessageDigest.isEqual(bytes(expected), bytes(sig.signature()));
  }

  private static String canonicalUri(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!out.isEmpty() || path.startsWith("/")) {
        out.append('/');
      }
      out.append(encode(URLDecoder.decode(segment, StandardCharsets.UTF_8)));
    }
    String uri = out.toString().replaceFirst("^//", "/");
    return uri.isEmpty() ? "/" : uri;
  }

  private static String canonicalQuery(String rawQuery, boolean presigned) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!(presigned && name.equals("X-Amz-Signature"))) {
        pairs.add(new String[] {encode(name), encode(value)});
      }
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  private static String canonicalHeaders(ApiRequest request, List<String> names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      List<String> values = request.headers().getOrDefault(name, List.of());
      out.append(name).append(':')
          .append(String.join(",", values.stream().map(v -> v.trim().replaceAll("\\s+", " ")).toList())).append('\n');
    }
    return out.toString();
  }

  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes(text)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** What a signing key is derived from: it changes only with the day, region, service or secret. */
  private record KeyScope(String secret, String date, String region, String service) {}

  /** Signing keys in use; emptied when it grows past a handful, which only many keys or days make. */
  private static final Map<KeyScope, byte[]> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The scope's signing key: four HMACs, made once per day, region, service and secret. */
  private static byte[] signingKey(String secretKey, Signature sig) {
    KeyScope scope = new KeyScope(secretKey, sig.date(), sig.region(), sig.service());
    byte[] key = KEYS.get(scope);
    if (key == null) {
      key = hmac(hmac(hmac(hmac(bytes("AWS4" + secretKey), sig.date()), sig.region()), sig.service()), "aws4_request");
      if (KEYS.size() > 256) {
        KEYS.clear();
      }
      KEYS.put(scope, key);
    }
    return key;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(bytes(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
