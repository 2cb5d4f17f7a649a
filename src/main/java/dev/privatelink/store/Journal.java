package dev.privatelink.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.MutationLog;
import dev.privatelink.wire.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The durable record of every mutation: one JSON line each, forced to disk before the mutation is
 * acknowledged. Replaying the lines in order (with their recorded time and random seed) rebuilds
 * the cloud exactly. A torn last line (a crash mid-write, so never acknowledged) is cut off.
 */
public final class Journal implements MutationLog, AutoCloseable {
  private static final ObjectMapper MAPPER = JsonCodec.mapper();
  private final Path file;
  private final FileChannel channel;

  private Journal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates) the journal in {@code dataDir}, cutting off a torn last line. */
  public static Journal open(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("journal.jsonl");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long good = lastCompleteLineEnd(file);
    channel.truncate(good);
    channel.position(good);
    return new Journal(file, channel);
  }

  /** Applies every recorded mutation to {@code cloud}; returns how many. */
  public int replayInto(Cloud cloud) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int count = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry = MAPPER.readTree(line);
      cloud.replay(entry.get("a").asText(), entry.get("r").asText(), entry.get("p").asText(),
          Instant.parse(entry.get("t").asText()), entry.get("s").asLong(), payload(entry));
      count++;
    }
    return count;
  }

  @Override
  public synchronized void append(String accountId, String region, String principalArn, Instant time, long seed, Object payload) {
    ObjectNode entry = MAPPER.createObjectNode().put("t", time.toString()).put("s", seed).put("a", accountId)
        .put("r", region).put("p", principalArn).put("type", payload.getClass().getName());
    entry.set("body", payload instanceof SdkPojo pojo ? codecFor(payload.getClass()).encode(pojo) : MAPPER.valueToTree(payload));
    byte[] line = (entry + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("could not make the change durable", e);
    }
  }

  @Override
  public synchronized void reset() {
    try {
      channel.truncate(0);
      channel.position(0);
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
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

  private static JsonCodec codecFor(Class<?> c) {
    String p = c.getPackageName();
    return new JsonCodec(p.contains(".ec2.") ? "ec2" : p.contains(".elasticloadbalancingv2.") ? "elbv2"
        : p.contains(".acm.") ? "acm" : "sts");
  }

  private static long lastCompleteLineEnd(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    int end = data.length;
    while (end > 0 && data[end - 1] != '\n') {
      end--;
    }
    return end;
  }
}
