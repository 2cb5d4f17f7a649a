package dev.privatelink.cli;

/** A command could not do its job; the message says why and what to do about it. */
final class CommandException extends RuntimeException {
  CommandException(String message) {
    super(message, null, false, false);
  }

  CommandException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
