package dev.privatelink.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Keeps the raw body of the last response of each operation an SDK client received. */
public final class ResponseRecorder implements ExecutionInterceptor {
  private final Map<String, String> bodies = new LinkedHashMap<>();

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    if (body.isEmpty()) {
      return body;
    }
    try {
      byte[] bytes = body.get().readAllBytes();
      bodies.put(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      return Optional.of(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, String> bodies() {
    return bodies;
  }
}
