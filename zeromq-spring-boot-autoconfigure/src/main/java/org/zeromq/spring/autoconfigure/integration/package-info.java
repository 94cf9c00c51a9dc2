/**
 * Auto-configuration of Spring Integration on the starter's sockets, and the bridges declared in {@code zeromq.integration.inbound/outbound.<socket>}, validated at startup.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.autoconfigure.integration;

import org.jspecify.annotations.NullMarked;
