/**
 * Managed devices between declared sockets (the guide's queue, forwarder and streamer): each on a
 * thread of its own, validated at startup, paused, resumed and stopped by name, with counters of
 * what passes each way and an optional capture socket.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.proxy;

import org.jspecify.annotations.NullMarked;
