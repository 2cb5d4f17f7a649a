/**
 * AWS PrivateLink: endpoint services, interface endpoints, their connections, permissions, private
 * DNS names and connection notifications.
 */
@NullMarked
package dev.privatelink.control.privatelink;

import org.jspecify.annotations.NullMarked;
