package dev.privatelink.dataplane.forward;

/**
 * Where the connections of a forward go: dialled from inside {@code netns} (an instance's
 * namespace, so its address, routes and security groups are the flow's) to {@code address:port}.
 *
 * @param target what the user named (an id, name or ARN), for messages
 * @param fromInstance the instance whose namespace the flows start in
 * @param sourceAddress that instance's private address, the flows' source as the far side sees it
 */
public record ForwardRoute(String netns, String address, int port, String target, String fromInstance,
    String sourceAddress) {}
