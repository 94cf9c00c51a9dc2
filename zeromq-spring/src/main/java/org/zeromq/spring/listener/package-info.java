/**
 * Listener containers: the workers that own listener sockets, the device that spreads one socket over several workers, frame layouts and error handling.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.listener;

import org.jspecify.annotations.NullMarked;
