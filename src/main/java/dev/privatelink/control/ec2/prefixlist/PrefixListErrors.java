package dev.privatelink.control.ec2.prefixlist;

import dev.privatelink.control.AwsException;

/** The errors of the prefix-list actions, with AWS's codes and messages. */
final class PrefixListErrors {
  private PrefixListErrors() {}

  static AwsException notFound(String id) {
    return AwsException.badRequest("InvalidPrefixListID.NotFound", "The prefix list ID '" + id + "' does not exist");
  }

  static AwsException malformed(String id) {
    return AwsException.badRequest("InvalidPrefixListId.Malformed", "Invalid id: \"" + id + "\" (expecting \"pl-...\")");
  }
}
