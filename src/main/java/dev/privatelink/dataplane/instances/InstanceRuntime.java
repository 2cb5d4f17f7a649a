package dev.privatelink.dataplane.instances;

import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs instances: each is a long-lived init process in the instance's network namespace (made by
 * the fabric beforehand) and in its own mount and UTS namespaces, where the instance's private
 * {@code /run}, {@code /tmp}, {@code /var/log} and {@code /etc/resolv.conf} are bind mounts of its
 * state directory {@code <dataDir>/instances/<id>}. Everything else of the instance (user data,
 * {@link #exec} sessions, the services they start) enters the init's namespaces with
 * {@code nsenter}. User data runs at every boot on this host except a start after a stop, because
 * a host restart kills the processes it started (AWS runs it once per instance; here a restart is
 * a reboot without systemd to bring services back). A stopped instance keeps its namespace and
 * state directory but no process; its start runs the units the user data enabled
 * ({@code systemctl enable}), not the user data. The data directory must not lie under
 * {@code /var/log}.
 */
public final class InstanceRuntime implements AutoCloseable {
  private static final String PATH =
      Shims.BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final String STOPPED_MARK = "stopped";
  private final Path dataDir;
  private final StatusSink sink;
  private final Map<String, Booted> booted = new ConcurrentHashMap<>();

  public InstanceRuntime(Path dataDir, StatusSink sink) {
    this.dataDir = dataDir.toAbsolutePath();
    this.sink = sink;
  }

  /** Boots every wanted instance not running (or whose namespace changed); terminates the rest. */
  public void apply(List<VpcSpec> vpcs) {
    Set<String> wanted = new HashSet<>();
    for (VpcSpec vpc : vpcs) {
      vpc.instances().forEach(i -> wanted.add(i.instanceId()));
    }
    terminateAllExcept(wanted);
    for (VpcSpec vpc : vpcs) {
      for (InstanceSpec instance : vpc.instances()) {
        Booted b = booted.get(instance.instanceId());
        if (!instance.running()) {
          stop(instance.instanceId());
          continue;
        }
        if (b != null && b.healthy()) {
          continue;
        }
        try {
          if (b != null) {
            terminate(instance.instanceId());
          }
          Path stopped = stateDir(instance.instanceId()).resolve(STOPPED_MARK);
          boolean afterStop = Files.deleteIfExists(stopped);
          Booted started = InstanceBoot.boot(stateDir(instance.instanceId()), vpc, instance, PATH, sink, afterStop);
          booted.put(instance.instanceId(), started);
          // Lets `privatelink exec`, another process, find the instance's namespaces.
          Files.writeString(stateDir(instance.instanceId()).resolve("init.pid"), Long.toString(started.init().pid()));
          sink.ready(instance.instanceId());
        } catch (IOException | RuntimeException e) {
          sink.failed(instance.instanceId(), "cannot boot: " + e.getMessage());
        }
      }
    }
  }

  /** Kills a stopped instance's processes and marks it so that its next boot is a start after a stop. */
  private void stop(String instanceId) {
    Path dir = stateDir(instanceId);
    try {
      if (booted.containsKey(instanceId) || Files.isDirectory(dir)) {
        terminate(instanceId);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("init.pid"));
        Files.writeString(dir.resolve(STOPPED_MARK), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop " + instanceId, e);
    }
  }

  /** Terminates every running instance whose id is not in {@code keep}. */
  public void terminateAllExcept(Set<String> keep) {
    for (String id : List.copyOf(booted.keySet())) {
      if (!keep.contains(id)) {
        terminate(id);
        deleteRecursively(stateDir(id));
      }
    }
  }

  /** Kills every process of the instance (all of its network namespace, and its init). */
  public void terminate(String instanceId) {
    Booted b = booted.remove(instanceId);
    if (b != null) {
      b.kill();
    }
  }

  /**
   * A process builder for {@code command} run inside the instance as root, with the instance's
   * network, mounts (so its {@code /etc/resolv.conf} names the VPC resolver) and hostname: our SSH.
   * {@code interactive} inherits this JVM's stdin/stdout/stderr; otherwise the caller reads pipes.
   */
  public ProcessBuilder exec(String instanceId, List<String> command, boolean interactive) {
    Booted b = booted.get(instanceId);
    if (b == null || !b.init().isAlive()) {
      throw new IllegalStateException("instance " + instanceId + " is not running on this host");
    }
    List<String> argv = new ArrayList<>(enter(b.init().pid(), PATH));
    argv.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(argv);
    return interactive ? pb.inheritIO() : pb;
  }

  /**
   * Like {@link #exec}, from another process than the one running the instance (the CLI): finds
   * the instance's init through the pid file its runtime keeps under {@code dataDir}.
   */
  public static ProcessBuilder execFromOutside(Path dataDir, String instanceId, List<String> command, boolean interactive) {
    Path pidFile = dataDir.toAbsolutePath().resolve("instances").resolve(instanceId).resolve("init.pid");
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("instance " + instanceId + " is not running on this host");
    }
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
      throw new IllegalStateException("instance " + instanceId + " is not running on this host");
    }
    List<String> argv = new ArrayList<>(enter(pid, PATH));
    argv.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(argv);
    return interactive ? pb.inheritIO() : pb;
  }

  /** Waits for the instance's user data to finish; returns its exit code, or empty on timeout. */
  public java.util.OptionalInt awaitUserData(String instanceId, Duration timeout) throws InterruptedException {
    Booted b = booted.get(instanceId);
    if (b == null) {
      return java.util.OptionalInt.empty();
    }
    try {
      return java.util.OptionalInt.of(b.userData().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return java.util.OptionalInt.empty();
    }
  }

  /** Everything the instance printed on its console so far (user data output). */
  public String consoleOutput(String instanceId) {
    Path log = stateDir(instanceId).resolve("log").resolve("cloud-init-output.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pid of the instance's init, whose namespaces everything of the instance shares. */
  public long initPid(String instanceId) {
    Booted b = booted.get(instanceId);
    if (b == null) {
      throw new IllegalStateException("instance " + instanceId + " is not running on this host");
    }
    return b.init().pid();
  }

  /** Terminates every instance this runtime booted. */
  @Override
  public void close() {
    terminateAllExcept(Set.of());
  }

  Path stateDir(String instanceId) {
    return dataDir.resolve("instances").resolve(instanceId);
  }

  /** The argv prefix that runs a command inside the namespaces of {@code initPid} with a clean env. */
  static List<String> enter(long initPid, String path) {
    return List.of("nsenter", "-t", Long.toString(initPid), "-m", "-n", "-u", "--wd=/", "--",
        "env", "-i", "PATH=" + path, "HOME=/root", "USER=root", "LOGNAME=root", "LANG=C.UTF-8", "TERM=xterm");
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  /** A running instance: its init process and its user data's outcome. */
  record Booted(String instanceId, Process init, long netnsInode, java.util.concurrent.CompletableFuture<Integer> userData) {
    /** Alive and still in the namespace that now carries the instance's name. */
    boolean healthy() {
      return init.isAlive() && NamespaceProcesses.netnsNamed(HostNames.instanceNamespace(instanceId)) == netnsInode;
    }

    void kill() {
      NamespaceProcesses.killAll(netnsInode);
      init.destroyForcibly();
      try {
        init.waitFor(3, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
