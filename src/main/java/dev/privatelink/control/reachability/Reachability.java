package dev.privatelink.control.reachability;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ec2.Ec2;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.privatelink.PrivateLink;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.List;

/**
 * The Reachability Analyzer feature of the EC2 API: its paths and analyses, their actions, and the
 * {@code nip-}/{@code nia-} ids CreateTags and DeleteTags accept.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html">Reachability Analyzer</a>
 */
public final class Reachability {
  private final InsightsState state = new InsightsState();
  private final List<ActionHandler> handlers;

  public Reachability(Ec2 ec2, Ec2Tags tags, Elb elb, PrivateLink privateLink) {
    PathEndsResolver ends = new PathEndsResolver(ec2.state(), elb, privateLink);
    PathAnalyzer analyzer = new PathAnalyzer(ec2.state(), elb, privateLink);
    this.handlers = List.of(new NetworkInsightsPaths(state, tags, ends), new NetworkInsightsAnalyses(state, tags, ends, analyzer));
    ec2.taggable().register("nip", "network-insights-path", (scope, id) -> state.paths.find(scope, id).isPresent(),
        NetworkInsightsPaths::notFound);
    ec2.taggable().register("nia", "network-insights-analysis", (scope, id) -> state.analyses.find(scope, id).isPresent(),
        NetworkInsightsAnalyses::notFound);
  }

  public List<ActionHandler> handlers() {
    return handlers;
  }

}
