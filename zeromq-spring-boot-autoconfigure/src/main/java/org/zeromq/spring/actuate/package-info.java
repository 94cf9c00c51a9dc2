/**
 * Actuator support: the {@code zeromq} health indicator and the {@code zeromq} endpoint (sockets, listeners, diagnoses; listener pause, resume, stop and start).
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.actuate;

import org.jspecify.annotations.NullMarked;
