package dev.privatelink.control;

/**
 * A part of a feature that keeps state of its own per account (an action handler with a table
 * of its own). {@link Features#resetAccount} calls every registered one, so a reset of an account
 * reaches state that the feature's main state does not hold.
 */
public interface AccountScoped {
  /** Forgets everything of {@code accountId}, in every region. */
  void dropAccount(String accountId);
}
