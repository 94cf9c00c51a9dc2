/**
 * Micrometer support without Spring Boot: meters read from the sockets' own counts, the listener handler timer, and the Observation conventions and contexts of the listeners and the template.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.observation;

import org.jspecify.annotations.NullMarked;
