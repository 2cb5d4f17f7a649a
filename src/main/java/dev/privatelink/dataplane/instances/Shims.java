package dev.privatelink.dataplane.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The compatibility layer that lets an Amazon Linux user data script run on this host's (Debian)
 * packages: {@code yum}/{@code dnf} succeed for packages the host already has, {@code systemctl}
 * runs known services inside the instance (nginx, with its pid file in the instance's private
 * {@code /run}, so two instances never collide) and fails like systemd for unknown units,
 * {@code sudo} just runs the command (user data already runs as root). Generated as shell scripts
 * into the instance's private {@code /run/privatelink/bin}, first on its PATH.
 */
final class Shims {
  /** Where the shims appear inside the instance. */
  static final String BIN = "/run/privatelink/bin";
  /** Where the instance sees the units {@code systemctl enable} recorded. */
  static final String ENABLED = "/run/privatelink/enabled";

  private Shims() {}

  /**
   * Writes every shim into {@code dir} (the host path of the instance's {@code /run/privatelink/bin});
   * {@code systemctl enable} records units in {@link #ENABLED}, which the boot mounts from a
   * directory that survives a stop, so that a start brings them back as systemd would at boot.
   */
  static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : Map.of("yum", YUM, "dnf", YUM, "systemctl", SYSTEMCTL, "sudo", SUDO).entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.writeString(file, e.getValue());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static final String SUDO = """
      #!/bin/sh
      # Instances run everything as root already; drop sudo's own options and run the command.
      while [ $# -gt 0 ]; do
        case "$1" in
          -u|-g|-C|-h|-p|-U) shift 2 ;;
          --) shift; break ;;
          -*) shift ;;
          *) break ;;
        esac
      done
      [ $# -gt 0 ] || { echo "usage: sudo command" >&2; exit 1; }
      exec "$@"
      """;

  private static final String YUM = """
      #!/bin/sh
      # yum/dnf on a Debian host: packages cannot be installed per instance, so an install succeeds
      # exactly when the host already has the package, and fails as dnf does otherwise.
      cmd=""; pkgs=""
      for a in "$@"; do
        case "$a" in
          -*) ;;
          *) if [ -z "$cmd" ]; then cmd="$a"; else pkgs="$pkgs $a"; fi ;;
        esac
      done
      base_name() { n=${1%.x86_64}; n=${n%.noarch}; n=${n%.i686}; n=${n%.aarch64}; echo "$n"; }
      installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
      line() { echo "================================================================================"; }
      case "$cmd" in
        install|reinstall)
          [ -n "$pkgs" ] || { echo "Error: Need to pass a list of pkgs to install" >&2; exit 1; }
          echo "Last metadata expiration check: 0:00:01 ago on $(date '+%a %d %b %Y %I:%M:%S %p %Z')."
          missing=""
          for p in $pkgs; do
            installed "$(base_name "$p")" || { echo "No match for argument: $p"; missing="$missing $p"; }
          done
          if [ -n "$missing" ]; then echo "Error: Unable to find a match:$missing" >&2; exit 1; fi
          echo "Dependencies resolved."; line
          printf ' %-20s %-14s %-26s %-14s\\n' Package Architecture Version Repository; line
          echo "Installing:"
          n=0; done_list=""
          for p in $pkgs; do
            b=$(base_name "$p"); v=$(dpkg-query -W -f='${Version}' "$b" | sed 's/^[0-9]*://')
            printf ' %-20s %-14s %-26s %-14s\\n' "$b" x86_64 "$v" amazonlinux
            n=$((n + 1)); done_list="$done_list $b-$v.x86_64"
          done
          echo; echo "Transaction Summary"; line; echo "Install  $n Package(s)"; echo
          echo "Downloading Packages:"; echo "Running transaction check"; echo "Transaction check succeeded."
          echo "Running transaction test"; echo "Transaction test succeeded."; echo "Running transaction"
          for d in $done_list; do printf '  Installing       : %-50s\\n' "$d"; done
          echo; echo "Installed:"; for d in $done_list; do echo "  $d"; done; echo; echo "Complete!" ;;
        update|upgrade)
          echo "Dependencies resolved."; echo "Nothing to do."; echo "Complete!" ;;
        clean|makecache)
          echo "Metadata cache created." ;;
        remove|erase)
          echo "Error: packages are shared with the host here; remove is not supported" >&2; exit 1 ;;
        *)
          echo "No such command: $cmd. Please use $0 --help" >&2; exit 1 ;;
      esac
      """;

  private static final String SYSTEMCTL = """
      #!/bin/sh
      # systemctl without systemd: known services run inside this instance's namespaces.
      action=""; units=""; now=""
      for a in "$@"; do
        case "$a" in
          --now) now=1 ;;
          -*) ;;
          *) if [ -z "$action" ]; then action="$a"; else units="$units $a"; fi ;;
        esac
      done
      PIDFILE=/run/nginx.pid
      ENABLED=/run/privatelink/enabled
      nginx_running() { [ -s $PIDFILE ] && kill -0 "$(cat $PIDFILE)" 2>/dev/null; }
      nginx_args() {
        # Debian's default site also listens on [::]:80; without IPv6 in the namespace that fails.
        [ -e /proc/net/if_inet6 ] && return 0
        d=/run/privatelink/nginx; mkdir -p $d/sites
        sed "s#/etc/nginx/sites-enabled/#$d/sites/#" /etc/nginx/nginx.conf > $d/nginx.conf
        for f in /etc/nginx/sites-enabled/*; do sed '/listen[[:space:]]*\\[::\\]/d' "$f" > "$d/sites/${f##*/}"; done
        echo "-c $d/nginx.conf"
      }
      nginx_start() {
        nginx_running && return 0
        mkdir -p /var/log/nginx
        # nginx keeps stderr open when it daemonizes: detach every stdio so the caller sees EOF.
        if ! nginx $(nginx_args) </dev/null >/dev/null 2>>/var/log/nginx/startup.log; then
          echo "Job for nginx.service failed because the control process exited with error code." >&2
          echo "See \\"systemctl status nginx.service\\" and \\"journalctl -xeu nginx.service\\" for details." >&2
          return 1
        fi
      }
      nginx_stop() {
        nginx_running || return 0
        pid=$(cat $PIDFILE); kill -QUIT "$pid"
        i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        rm -f $PIDFILE
      }
      nginx_unit() {
        case "$1" in
          start) nginx_start ;;
          stop) nginx_stop ;;
          restart) nginx_stop; nginx_start ;;
          reload) nginx_running && nginx -s reload || nginx_start ;;
          enable)
            touch "$ENABLED/nginx"
            echo "Created symlink /etc/systemd/system/multi-user.target.wants/nginx.service → /usr/lib/systemd/system/nginx.service."
            [ -z "$now" ] || nginx_start ;;
          disable) rm -f "$ENABLED/nginx"; echo "Removed /etc/systemd/system/multi-user.target.wants/nginx.service."; [ -z "$now" ] || nginx_stop ;;
          is-active) if nginx_running; then echo active; else echo inactive; return 3; fi ;;
          is-enabled) if [ -e "$ENABLED/nginx" ]; then echo enabled; else echo disabled; return 1; fi ;;
          status)
            echo "● nginx.service - The nginx HTTP and reverse proxy server"
            echo "     Loaded: loaded (/usr/lib/systemd/system/nginx.service; $([ -e "$ENABLED/nginx" ] && echo enabled || echo disabled); preset: disabled)"
            if nginx_running; then echo "     Active: active (running)"; echo "   Main PID: $(cat $PIDFILE) (nginx)";
            else echo "     Active: inactive (dead)"; return 3; fi ;;
          *) echo "Unknown command verb $1." >&2; return 1 ;;
        esac
      }
      missing_unit() {
        case "$1" in
          start|restart|reload) echo "Failed to $1 $2.service: Unit $2.service not found." >&2; return 5 ;;
          stop) echo "Failed to stop $2.service: Unit $2.service not loaded." >&2; return 5 ;;
          enable|disable) echo "Failed to $1 unit: Unit file $2.service does not exist." >&2; return 1 ;;
          status) echo "Unit $2.service could not be found." >&2; return 4 ;;
          is-active) echo inactive; return 3 ;;
          *) echo "Failed to get unit file state for $2.service: No such file or directory" >&2; return 1 ;;
        esac
      }
      [ -n "$units" ] || { [ "$action" = daemon-reload ] && exit 0; echo "Too few arguments." >&2; exit 1; }
      rc=0
      for u in $units; do
        name=${u%.service}
        case "$name" in
          nginx) nginx_unit "$action" || rc=$? ;;
          *) missing_unit "$action" "$name" || rc=$? ;;
        esac
      done
      exit $rc
      """;
}
