package dev.privatelink.dataplane.netns;

import java.util.List;

/** A host command ({@code ip}, {@code nft}, …) exited non-zero; carries its stderr for the operator. */
public final class HostCommandException extends RuntimeException {
  private final int exitCode;

  public HostCommandException(List<String> command, int exitCode, String stderr) {
    super(String.join(" ", command) + " failed (exit " + exitCode + "): " + stderr.strip());
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
