package dev.privatelink.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code console}: prints the address of the running cloud's live picture, a page on the API
 * port that draws every account's VPCs, load balancers, endpoint services and endpoints with their
 * states and links. The address carries the local token (a browser cannot send it as a header),
 * so it opens the page for the whole cloud; like the token file, it is for root on this machine.
 */
final class ConsoleCommand {
  static final String PATH = "/_privatelink/console";

  int run(List<String> words) {
    Args args = Args.parse(words, Set.of()).allow(Set.of("data-dir"));
    Path dataDir = CloudOptions.dataDir(args);
    try (LocalApi api = LocalApi.of(dataDir)) {
      System.out.println(api.browserUrl(PATH));
    }
    return 0;
  }
}
