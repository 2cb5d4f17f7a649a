/**
 * The HTTP front door: routes each request by its SigV4 credential scope, authenticates the
 * caller, decodes the AWS wire protocol of the service (EC2/ELBv2 Query, ACM JSON 1.1), calls the
 * control plane and renders its answer or its AWS error.
 */
@NullMarked
package dev.privatelink.api;

import org.jspecify.annotations.NullMarked;
