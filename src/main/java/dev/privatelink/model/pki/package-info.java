/** Pure X.509 and key computations (PEM, X.500 names, seeded keys, issuance, PKCS#8): no I/O, no AWS. */
@NullMarked
package dev.privatelink.model.pki;

import org.jspecify.annotations.NullMarked;
