/**
 * Spring Integration on the declared sockets: the inbound channel adapter and gateway on the listener containers, the outbound adapter and gateway on the template's sending paths, and channels whose messages travel over a pair of sockets.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.integration;

import org.jspecify.annotations.NullMarked;
