/**
 * Auto-configuration of the ZeroMQ Micrometer meters and of the listener and template observations.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
