package dev.privatelink.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.privatelink.NotificationLog;
import java.util.List;

/**
 * Read-only JSON views of the cloud on the API port, for the CLI in another process: every
 * instance with its account and Name tag ({@code exec}), and the endpoint connection notifications
 * that SNS would have carried ({@code notifications}).
 */
final class Views {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
      .addSerializer(java.time.Instant.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));

  private Views() {}

  static String instances(Cloud cloud) {
    return json(cloud.read(HostProjection::instanceDirectory));
  }

  static String notifications(Cloud cloud) {
    List<NotificationLog.Message> messages = cloud.read(f -> f.privateLink().notifications(0));
    return json(messages);
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
