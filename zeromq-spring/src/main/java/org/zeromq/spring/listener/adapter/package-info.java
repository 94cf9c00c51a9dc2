/**
 * Invocation of listener methods through spring-messaging: the handler method factory and the argument resolvers for frames, ZeroMQ headers and payloads.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.listener.adapter;

import org.jspecify.annotations.NullMarked;
