package dev.privatelink.dataplane.instances;

import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Boots one instance: prepares its state directory, starts its init (private mounts, hostname,
 * then {@code sleep infinity} so the namespaces live on) and launches its user data in the
 * background, streaming the output to {@code /var/log/cloud-init-output.log} and the status sink.
 */
final class InstanceBoot {
  private InstanceBoot() {}

  /**
   * @param afterStop the instance was stopped and is now started: its user data does not run again
   *     (AWS runs it at first boot only); the units it enabled start instead, as systemd would
   */
  static InstanceRuntime.Booted boot(Path state, VpcSpec vpc, InstanceSpec instance, String path, StatusSink sink,
      boolean afterStop) throws IOException {
    Path run = state.resolve("run");
    Path tmp = state.resolve("tmp");
    Path log = state.resolve("log");
    // A boot starts with an empty /run and /tmp, as on a real machine; /var/log persists.
    InstanceRuntime.deleteRecursively(run);
    InstanceRuntime.deleteRecursively(tmp);
    Files.createDirectories(run);
    Files.createDirectories(tmp);
    Files.createDirectories(log.resolve("nginx"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path enabled = state.resolve("systemd-enabled");
    Files.createDirectories(enabled);
    Files.createDirectories(run.resolve("privatelink").resolve("enabled"));
    Shims.write(run.resolve("privatelink").resolve("bin"));
    String resolvConf = resolvConf(vpc);
    String resolvMount = placeResolvConf(state, run, resolvConf);
    Process init = startInit(state, instance, List.of(
        "mount --bind " + q(log) + " /var/log",
        "mount --bind " + q(run) + " /run",
        "mount --bind " + q(enabled) + " " + Shims.ENABLED,
        resolvMount,
        "mount --bind " + q(tmp) + " /tmp",
        "echo " + q(hostnameOf(instance)) + " > /proc/sys/kernel/hostname"));
    long inode = NamespaceProcesses.netnsOf(init.pid());
    String script = afterStop ? enabledUnits(enabled) : instance.userData();
    CompletableFuture<Integer> userData = startUserData(run, log, instance.instanceId(), script, init.pid(), path, sink);
    return new InstanceRuntime.Booted(instance.instanceId(), init, inode, userData);
  }

  /** AWS's resolv.conf: the VPC resolver and the region's default search domain. */
  static String resolvConf(VpcSpec vpc) {
    String search = "us-east-1".equals(vpc.region()) ? "ec2.internal" : vpc.region() + ".compute.internal";
    String base = vpc.cidr().substring(0, vpc.cidr().indexOf('/'));
    String[] o = base.split("\\.");
    String resolver = o[0] + "." + o[1] + "." + o[2] + "." + (Integer.parseInt(o[3]) + 2);
    return "nameserver " + resolver + "\nsearch " + search + "\noptions timeout:2 attempts:5\n";
  }

  /**
   * Where the instance's resolv.conf goes. When the host's {@code /etc/resolv.conf} is a symlink
   * into {@code /run} (systemd-resolved), the link keeps working if the file sits at the same place
   * in the private {@code /run}; otherwise it is bind-mounted over the host's file.
   */
  private static String placeResolvConf(Path state, Path run, String content) throws IOException {
    Path etc = Path.of("/etc/resolv.conf");
    if (Files.isSymbolicLink(etc)) {
      Path target = etc.getParent().resolve(Files.readSymbolicLink(etc)).normalize();
      if (target.startsWith("/run")) {
        Path inRun = run.resolve(Path.of("/run").relativize(target));
        Files.createDirectories(inRun.getParent());
        Files.writeString(inRun, content);
        return "true";
      }
    }
    Path file = state.resolve("resolv.conf");
    Files.writeString(file, content);
    return "mount --bind " + q(file) + " /etc/resolv.conf";
  }

  private static Process startInit(Path state, InstanceSpec instance, List<String> setup) throws IOException {
    String script = "set -e\n" + String.join("\n", setup) + "\necho ready\nexec sleep infinity\n";
    Path err = state.resolve("init.err");
    Process init = new ProcessBuilder("ip", "netns", "exec", HostNames.instanceNamespace(instance.instanceId()),
        "unshare", "--mount", "--uts", "--propagation", "private", "sh", "-c", script)
        .redirectErrorStream(false)
        .redirectError(err.toFile())
        .start();
    init.getOutputStream().close();
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(init));
    String first;
    try {
      first = line.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      first = null;
    }
    if (!"ready".equals(first)) {
      init.destroyForcibly();
      throw new IOException("instance init failed: " + Files.readString(err).strip());
    }
    return init;
  }

  /** A boot script that starts every unit {@code systemctl enable} recorded, or empty for none. */
  private static String enabledUnits(Path enabled) throws IOException {
    List<String> units;
    try (var list = Files.list(enabled)) {
      units = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    return units.isEmpty() ? "" : "#!/bin/sh\nsystemctl start " + String.join(" ", units) + "\n";
  }

  private static CompletableFuture<Integer> startUserData(Path run, Path log, String instanceId, @Nullable String text,
      long initPid, String path, StatusSink sink) throws IOException {
    String userData = text == null ? "" : text;
    if (userData.isBlank()) {
      return CompletableFuture.completedFuture(0);
    }
    Path script = run.resolve("privatelink").resolve("user-data");
    Files.writeString(script, userData);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    List<String> argv = new ArrayList<>(InstanceRuntime.enter(initPid, path));
    // cloud-init runs scripts by their #! line; without one, a shell is the kindest guess.
    argv.addAll(userData.startsWith("#!") ? List.of("/run/privatelink/user-data") : List.of("sh", "/run/privatelink/user-data"));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getOutputStream().close();
    Path console = log.resolve("cloud-init-output.log");
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Thread.ofPlatform().name("user-data-" + instanceId).daemon().start(() -> {
      try (OutputStream out = Files.newOutputStream(console, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
           BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = in.readLine(); l != null; l = in.readLine()) {
          byte[] bytes = (l + "\n").getBytes(StandardCharsets.UTF_8);
          out.write(bytes);
          out.flush();
          sink.consoleOutput(instanceId, l + "\n");
        }
        int code = p.waitFor();
        String tail = "user data finished, exit code " + code + "\n";
        out.write(tail.getBytes(StandardCharsets.UTF_8));
        sink.consoleOutput(instanceId, tail);
        done.complete(code);
      } catch (IOException | InterruptedException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private static String hostnameOf(InstanceSpec instance) {
    String h = instance.hostname() == null || instance.hostname().isBlank() ? instance.instanceId() : instance.hostname();
    int dot = h.indexOf('.');
    return dot > 0 ? h.substring(0, dot) : h;
  }

  private static @Nullable String readLine(Process p) {
    try {
      return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /** Single-quotes a path for sh. */
  private static String q(Object s) {
    return "'" + s.toString().replace("'", "'\\''") + "'";
  }
}
