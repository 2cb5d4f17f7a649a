package dev.privatelink.cli;

import java.util.List;

/** {@code notifications}: prints endpoint connection notifications. */
final class NotificationsCommand {
  int run(List<String> words) {
    throw new CommandException("notifications are not in this build yet");
  }
}
