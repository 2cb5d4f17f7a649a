package dev.privatelink.cli;

import java.util.List;
import java.util.Set;

/**
 * {@code reset --all | --account ID}: empties the whole running cloud, or one account in every
 * region, with the local token (root only). A signed {@code POST /moto-api/reset} resets only the
 * signing account; this is how the machine's owner resets more.
 */
final class ResetCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("all")).allow(Set.of("data-dir", "account"));
    boolean all = args.flag("all");
    var account = args.option("account");
    if (all == account.isPresent()) {
      throw new Args.UsageException("reset takes --all or --account ID");
    }
    if (account.isPresent() && !account.get().matches("\\d{12}")) {
      throw new Args.UsageException("--account takes a 12-digit account id");
    }
    try (LocalApi api = LocalApi.of(CloudOptions.dataDir(args))) {
      api.post("/moto-api/reset" + account.map(a -> "?account=" + a).orElse(""));
      System.out.println(all ? "reset the whole cloud at " + api.endpoint() : "reset account " + account.get());
    }
    return 0;
  }
}
