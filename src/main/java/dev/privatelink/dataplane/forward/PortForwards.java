package dev.privatelink.dataplane.forward;

import dev.privatelink.dataplane.netns.Namespaces;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forwards a cloud holds open, by local port (unique on the host, so it names a forward).
 * {@link #close} ends them all: a forward never outlives its cloud.
 */
public final class PortForwards implements AutoCloseable {
  private final Namespaces namespaces;
  private final Map<Integer, PortForward> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public PortForwards(Namespaces namespaces) {
    this.namespaces = namespaces;
  }

  /** One open forward, as the API answers it. */
  public record Forward(int localPort, String target, int port, String address, String fromInstance, String sourceAddress) {
    static Forward of(PortForward f) {
      ForwardRoute r = f.route();
      return new Forward(f.localPort(), r.target(), r.port(), r.address(), r.fromInstance(), r.sourceAddress());
    }
  }

  /**
   * Opens a forward on 127.0.0.1:{@code localPort}, or a free port when 0.
   *
   * @throws IOException when the port is taken (the message says so)
   */
  public synchronized Forward open(ForwardRoute route, int localPort) throws IOException {
    if (closed) {
      throw new IllegalStateException("the cloud is stopping");
    }
    PortForward f = PortForward.open(namespaces, route, localPort);
    open.put(f.localPort(), f);
    return Forward.of(f);
  }

  /** Closes the forward on {@code localPort}; empty when there was none. */
  public Optional<Forward> close(int localPort) {
    PortForward f = open.remove(localPort);
    if (f == null) {
      return Optional.empty();
    }
    f.close();
    return Optional.of(Forward.of(f));
  }

  public List<Forward> list() {
    return open.values().stream().map(Forward::of).sorted(java.util.Comparator.comparingInt(Forward::localPort)).toList();
  }

  @Override
  public synchronized void close() {
    closed = true;
    List.copyOf(open.keySet()).forEach(this::close);
  }
}
