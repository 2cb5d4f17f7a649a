package dev.privatelink.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.privatelink.NotificationLog;
import dev.privatelink.dataplane.LinkCounts;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Read-only JSON views of the cloud on the API port, for the CLI in another process: every
 * instance with its account and Name tag ({@code exec}), and the endpoint connection notifications
 * that SNS would have carried ({@code notifications}), and the console's live picture
 * ({@link ConsolePicture}). Each shows one account's data, or every
 * account's to the holder of the local token.
 */
final class Views {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
      .addSerializer(java.time.Instant.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));

  /** Where the console page is served; its event stream is under it, at {@code /events}. */
  static final String CONSOLE = "/_privatelink/console";

  private Views() {}

  /** The instances of {@code accountId}, or of every account when null. */
  static String instances(Cloud cloud, @Nullable String accountId) {
    return json(cloud.read(HostProjection::instanceDirectory).stream()
        .filter(i -> accountId == null || accountId.equals(i.get("accountId"))).toList());
  }

  /** The notifications published to {@code accountId}'s notification configurations, or all when null. */
  static String notifications(Cloud cloud, @Nullable String accountId) {
    List<NotificationLog.Message> messages = cloud.read(f -> f.privateLink().notifications(0)).stream()
        .filter(m -> accountId == null || accountId.equals(m.accountId())).toList();
    return json(messages);
  }

  /** The console's picture of {@code accountId}'s resources, or of every account's when null. */
  static String console(Cloud cloud, @Nullable String accountId, LinkCounts counts) {
    long version = cloud.version();
    return json(cloud.read(features -> ConsolePicture.of(features, version, accountId, counts)));
  }

  /** The console's link counts alone, of the links {@code accountId}'s picture draws (all when null). */
  static String consoleLinks(Cloud cloud, @Nullable String accountId, LinkCounts counts) {
    long version = cloud.version();
    return json(cloud.read(features -> new ConsolePicture.Counts(version, ConsolePicture.of(features, version, accountId, counts).links())));
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
