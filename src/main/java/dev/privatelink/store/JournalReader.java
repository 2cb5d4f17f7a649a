package dev.privatelink.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privatelink.control.MutationLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the journal's segments in order, line by line (never the whole file in memory), giving
 * each record after the snapshot's number to a consumer. A line that cannot be read or applied is
 * reported to the consumer and skipped, never a reason not to start.
 */
final class JournalReader {
  private static final int BLOCK = 8192;

  private JournalReader() {}

  /** What to do with each record; {@code failed} hears of a line that could not be decoded. */
  interface Sink {
    void accept(long seq, MutationLog.Entry entry);

    void failed(long seq, String reason);
  }

  /** Replays every complete line numbered above {@code afterSeq}; returns the last number seen. */
  static long replay(Path dir, long afterSeq, Sink sink) throws IOException {
    List<Path> segments = Journal.segments(dir);
    long seq = afterSeq;
    long position = 0;
    for (int i = 0; i < segments.size(); i++) {
      Path segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      long end = last ? lastCompleteLineEnd(segment) : Files.size(segment);
      long read = 0;
      try (BufferedReader in = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          read += line.getBytes(StandardCharsets.UTF_8).length + 1;
          if (read > end) {
            break; // the torn last line of a crash: never acknowledged
          }
          position++;
          if (line.isBlank()) {
            continue;
          }
          seq = replayLine(line, position, afterSeq, seq, sink);
        }
      }
    }
    return seq;
  }

  private static long replayLine(String line, long position, long afterSeq, long seq, Sink sink) {
    JsonNode node;
    try {
      node = JournalLines.parse(line);
    } catch (IOException e) {
      sink.failed(seq + 1, "unreadable line: " + e.getMessage());
      return seq + 1;
    }
    long n = JournalLines.seq(node, position);
    if (n <= afterSeq) {
      return Math.max(seq, n);
    }
    try {
      sink.accept(n, JournalLines.decode(node));
    } catch (IOException | RuntimeException e) {
      sink.failed(n, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return Math.max(seq, n);
  }

  static long lastCompleteLineEnd(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      return lastCompleteLineEnd(channel);
    }
  }

  /** The end of the last line that has its newline, read backwards from the end in blocks. */
  static long lastCompleteLineEnd(FileChannel channel) throws IOException {
    long end = channel.size();
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    while (end > 0) {
      long start = Math.max(0, end - BLOCK);
      block.clear().limit((int) (end - start));
      channel.read(block, start);
      for (int i = block.position() - 1; i >= 0; i--) {
        if (block.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
