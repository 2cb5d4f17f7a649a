package dev.privatelink.control.acm;

import dev.privatelink.control.Scope;
import java.util.List;

/** Who uses a certificate (ACM's InUseBy): the load balancers whose listeners serve it. */
@FunctionalInterface
public interface CertificateUsers {
  List<String> usersOf(Scope scope, String certificateArn);

  CertificateUsers NONE = (scope, arn) -> List.of();
}
