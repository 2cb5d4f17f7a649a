package dev.privatelink.dataplane.fabric;

import dev.privatelink.dataplane.instances.InstanceRuntime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs probes inside instances through {@link InstanceRuntime#exec}, as the CLI's exec would. */
public final class InInstance {
  private final InstanceRuntime runtime;

  public InInstance(InstanceRuntime runtime) {
    this.runtime = runtime;
  }

  /** Output and exit code of a command. */
  public record Result(int exit, String out) {}

  /** Runs {@code bash -c script} (bash for /dev/tcp) in the instance and waits (at most 20 s). */
  public Result sh(String instanceId, String script) throws Exception {
    Process p = runtime.exec(instanceId, List.of("bash", "-c", script), false).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("probe hung: " + script);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Starts a background server in the instance; the instance's termination kills it. */
  public Process background(String instanceId, String script) throws Exception {
    Process p = runtime.exec(instanceId, List.of("sh", "-c", script), false)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    return p;
  }

  /** Starts {@code python3 -m http.server} on {@code port} serving a page that says {@code marker}. */
  public void httpServer(String instanceId, int port, String marker) throws Exception {
    background(instanceId, "mkdir -p /tmp/www" + port + " && echo " + marker + " > /tmp/www" + port
        + "/index.html && exec python3 -m http.server " + port + " --bind 0.0.0.0 --directory /tmp/www" + port);
    Result up = sh(instanceId, "for i in $(seq 50); do curl -s -m 1 http://127.0.0.1:" + port
        + "/ && exit 0; sleep 0.1; done; exit 1");
    if (up.exit() != 0) {
      throw new AssertionError("http server on " + instanceId + " did not start: " + up.out());
    }
  }

  /** The body {@code from} gets from http://ip:port/, or null when the connection fails (2 s). */
  public String get(String from, String ip, int port) throws Exception {
    Result r = sh(from, "curl -s -m 2 http://" + ip + ":" + port + "/");
    return r.exit() == 0 ? r.out().strip() : null;
  }
}
