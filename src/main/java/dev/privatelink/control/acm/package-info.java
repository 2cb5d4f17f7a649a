/**
 * AWS Certificate Manager: imported certificates, their tags and the load balancers that use them.
 */
@NullMarked
package dev.privatelink.control.acm;

import org.jspecify.annotations.NullMarked;
