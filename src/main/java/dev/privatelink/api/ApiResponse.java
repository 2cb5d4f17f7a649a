package dev.privatelink.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response to write: status, content type, extra headers and body. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
  public static ApiResponse xml(int status, String xml) {
    return new ApiResponse(status, "text/xml;charset=UTF-8", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
  }

  public static ApiResponse json(int status, String contentType, String json, Map<String, String> headers) {
    return new ApiResponse(status, contentType, headers, json.getBytes(StandardCharsets.UTF_8));
  }
}
