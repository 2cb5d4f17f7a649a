package dev.privatelink.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.MutationLog;
import dev.privatelink.wire.JsonCodec;
import java.io.IOException;
import java.time.Instant;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One journal line per mutation: {@code {"n":seq,"t":time,"s":seed,"a":account,"r":region,
 * "p":principal,"type":class,"body":…}}. SDK requests are encoded through their model metadata
 * (the JSON protocol codec), events as plain records. Lines written before sequence numbers
 * existed have no {@code n}: they are numbered by position.
 */
final class JournalLines {
  private static final ObjectMapper MAPPER = JsonCodec.mapper();

  private JournalLines() {}

  /** The line without its sequence number: the costly part, done outside the journal's lock. */
  static String encode(MutationLog.Entry e) {
    Object payload = e.payload();
    ObjectNode entry = MAPPER.createObjectNode().put("t", e.time().toString()).put("s", e.seed()).put("a", e.accountId())
        .put("r", e.region()).put("p", e.principalArn()).put("type", payload.getClass().getName());
    entry.set("body", payload instanceof SdkPojo pojo ? codecFor(payload.getClass()).encode(pojo) : MAPPER.valueToTree(payload));
    return entry.toString();
  }

  /** {@code body} (from {@link #encode}) numbered {@code seq}, with its newline. */
  static String numbered(long seq, String body) {
    return "{\"n\":" + seq + "," + body.substring(1) + "\n";
  }

  /** The sequence number of a line, or {@code fallback} for a line from before numbering. */
  static long seq(JsonNode line, long fallback) {
    JsonNode n = line.get("n");
    return n == null ? fallback : n.asLong();
  }

  static JsonNode parse(String line) throws IOException {
    return MAPPER.readTree(line);
  }

  static MutationLog.Entry decode(JsonNode entry) throws IOException {
    return new MutationLog.Entry(entry.get("a").asText(), entry.get("r").asText(), entry.get("p").asText(),
        Instant.parse(entry.get("t").asText()), entry.get("s").asLong(), payload(entry));
  }

  private static Object payload(JsonNode entry) throws IOException {
    String type = entry.get("type").asText();
    try {
      Class<?> c = Class.forName(type);
      if (ControlEvent.class.isAssignableFrom(c)) {
        return MAPPER.treeToValue(entry.get("body"), c);
      }
      return codecFor(c).decode(c, entry.get("body"));
    } catch (ClassNotFoundException e) {
      throw new IOException("journal names an unknown type " + type, e);
    }
  }

  static JsonCodec codecFor(Class<?> c) {
    String p = c.getPackageName();
    return new JsonCodec(p.contains(".ec2.") ? "ec2" : p.contains(".elasticloadbalancingv2.") ? "elbv2"
        : p.contains(".acm.") ? "acm" : p.contains(".cloudwatchlogs.") ? "logs" : "sts");
  }
}
