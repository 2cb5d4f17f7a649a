package dev.privatelink.api;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import java.lang.System.Logger;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sends each signed request to its service's protocol, chosen by the SigV4 credential scope's
 * service name. Refuses unsigned requests, and in strict mode unknown keys and bad signatures,
 * with AWS's errors. Turns any unexpected failure into AWS's InternalError, never a stack trace.
 */
public final class ApiRouter {
  private static final Logger LOG = System.getLogger(ApiRouter.class.getName());
  private final Map<String, ServiceProtocol> protocols;
  private final Optional<Credentials> strict;

  public ApiRouter(Cloud cloud, Optional<Credentials> strict) {
    this.protocols = Map.of(
        "ec2", QueryProtocol.ec2(cloud),
        "elasticloadbalancing", QueryProtocol.elbv2(cloud),
        "sts", QueryProtocol.sts(cloud),
        "acm", JsonProtocol.acm(cloud),
        "logs", JsonProtocol.logs(cloud));
    this.strict = strict;
  }

  public ApiResponse route(ApiRequest request) {
    String requestId = UUID.randomUUID().toString();
    ServiceProtocol protocol = guessProtocol(request);
    try {
      SigV4.Signature sig = SigV4.read(request, FormBody.parse(request.rawQuery()));
      protocol = Optional.ofNullable(protocols.get(sig.service())).orElse(protocol);
      if (!protocols.containsKey(sig.service())) {
        throw new AwsException("InvalidAction", "The service " + sig.service() + " is not served here", 400);
      }
      authenticate(request, sig);
      return protocol.handle(Caller.of(sig.accessKeyId(), sig.region(), sig.service()), request, requestId);
    } catch (AwsException e) {
      return protocol.error(e, requestId);
    } catch (RuntimeException e) {
      LOG.log(Logger.Level.ERROR, "request " + requestId + " failed", e);
      return protocol.error(new AwsException("InternalError", "An internal error has occurred", 500), requestId);
    }
  }

  /**
   * The caller of a signed request outside the AWS actions (reset, views), checked as any call is:
   * throws MissingAuthenticationToken when unsigned, and in strict mode AWS's errors for an
   * unknown key or a bad signature.
   */
  Caller authenticated(ApiRequest request) {
    SigV4.Signature sig = SigV4.read(request, FormBody.parse(request.rawQuery()));
    authenticate(request, sig);
    return Caller.of(sig.accessKeyId(), sig.region(), sig.service());
  }

  /** AWS's error answer to a request refused before any action, in the protocol it looks like. */
  ApiResponse refuse(ApiRequest request, AwsException e) {
    ServiceProtocol protocol = guessProtocol(request);
    return java.util.Objects.requireNonNull(protocol, "protocol").error(e, UUID.randomUUID().toString());
  }

  private void authenticate(ApiRequest request, SigV4.Signature sig) {
    if (strict.isEmpty()) {
      return;
    }
    String secret = strict.get().secretFor(sig.accessKeyId()).orElseThrow(() -> sig.service().equals("ec2")
        ? new AwsException("AuthFailure", "AWS was not able to validate the provided access credentials", 401)
        : new AwsException("InvalidClientTokenId", "The security token included in the request is invalid.", 403));
    if (!SigV4.verify(request, sig, secret)) {
      throw new AwsException("SignatureDoesNotMatch", "The request signature we calculated does not match the "
          + "signature you provided. Check your AWS Secret Access Key and signing method.", 403);
    }
  }

  /** The protocol to answer in when the request names no service we can read. */
  private @Nullable ServiceProtocol guessProtocol(ApiRequest request) {
    String target = request.header("x-amz-target");
    if (target != null) {
      return protocols.get(target.startsWith("Logs_") ? "logs" : "acm");
    }
    String form = request.rawQuery() + "&" + new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
    return form.contains("Version=2016-11-15") ? protocols.get("ec2") : protocols.get("sts");
  }
}
