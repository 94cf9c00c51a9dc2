/**
 * Auto-configuration of the {@code zeromq} health contributor and the {@code zeromq} Actuator endpoint, each backing off without its classes or when switched off.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
