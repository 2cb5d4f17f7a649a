package dev.privatelink.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The snapshot file {@code snapshot.json}: {@code {"format":1,"seq":n,"state":{path: value}}},
 * the live state after journal record {@code n} (see {@link StateCodec} for the values). Written
 * to a temporary file, forced, then renamed over the old one, so a crash leaves the old snapshot
 * or the new one, never half of one.
 *
 * <p>Version rule: {@link #FORMAT} changes only when a snapshot could no longer be read as
 * before (a state path renamed, a value's meaning changed); additions (a new table, a new record
 * component) do not change it. A reader reads every format up to its own and refuses a newer one
 * (a downgrade) rather than guess.
 */
final class Snapshots {
  static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "snapshot.json";

  private Snapshots() {}

  /** A snapshot read back: the state tree and the last journal record it covers. */
  record Loaded(long seq, JsonNode state) {}

  static Optional<Loaded> read(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE + ".tmp"));
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root = MAPPER.readTree(file.toFile());
    int format = root.path("format").asInt(-1);
    if (format < 1 || format > FORMAT) {
      throw new IOException(file + " has snapshot format " + format + "; this version reads formats 1 to " + FORMAT);
    }
    return Optional.of(new Loaded(root.path("seq").asLong(), root.path("state")));
  }

  /** Writes a snapshot of {@code state} (a tree made under the read lock) covering record {@code seq}. */
  static long write(Path dir, long seq, ObjectNode state) throws IOException {
    ObjectNode root = MAPPER.createObjectNode().put("format", FORMAT).put("seq", seq);
    root.set("state", state);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      MAPPER.writeValue(new NonClosing(out), root);
      channel.force(true);
    }
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    DataDir.forceDirectory(dir);
    return Files.size(dir.resolve(FILE));
  }

  /** Lets Jackson close its generator without closing the channel before the force. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override public void close() throws IOException {
      flush();
    }
  }
}
