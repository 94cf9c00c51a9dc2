/**
 * Listener endpoint registry and container factory: how registered listener endpoints become running containers.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.config;

import org.jspecify.annotations.NullMarked;
