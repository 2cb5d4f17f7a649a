package dev.privatelink.testing;

import dev.privatelink.dataplane.spec.StatusSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** A {@link StatusSink} that remembers what it was told, for assertions. */
public final class RecordingSink implements StatusSink {
  public final Set<String> ready = ConcurrentHashMap.newKeySet();
  public final List<String> failures = new CopyOnWriteArrayList<>();
  public final Map<String, StringBuffer> console = new ConcurrentHashMap<>();

  @Override public void ready(String resourceId) { ready.add(resourceId); }
  @Override public void failed(String resourceId, String reason) { failures.add(resourceId + ": " + reason); }
  @Override public void targetHealth(String tg, String id, int port, String s, @Nullable String r, @Nullable String d) {}
  @Override public void consoleOutput(String instanceId, String text) {
    console.computeIfAbsent(instanceId, k -> new StringBuffer()).append(text);
  }
}
