package dev.privatelink.dataplane;

/**
 * What the data plane itself carried over each link of the console's picture, read without
 * knowing how it carries it. A link is named by the ids at its two ends, as the console names it:
 * (endpoint id, service id) for the flows an interface endpoint accepted, ({@link #PRIVATELINK},
 * NLB ARN) for the flows endpoints handed to an NLB, (target group ARN, target id) for the flows
 * (NLB) or backend requests (ALB) sent to a target.
 */
public interface LinkCounts {
  /** The "from" end of the link that sums every endpoint's flows into one NLB. */
  String PRIVATELINK = "privatelink";

  /** The counts of one link; zero for a link that carried nothing yet. */
  LinkCount of(String from, String to);

  /**
   * One link's counts since the data plane started.
   *
   * @param open flows open now (0 for an ALB's backend requests, which are counted as they are sent)
   * @param flows flows (connections; datagram flows for UDP) or backend requests, in all
   * @param bytes bytes that crossed the link, both directions (0 for an ALB's backend requests:
   *     they share pooled connections, so their bytes are not told apart per link)
   */
  record LinkCount(long open, long flows, long bytes) {
    public static final LinkCount ZERO = new LinkCount(0, 0, 0);
  }

  /** No data plane: nothing is carried. */
  LinkCounts NONE = (from, to) -> LinkCount.ZERO;
}
