/**
 * Spring Boot auto-configuration for ZeroMQ: {@code zeromq.*} properties, their mapping to socket specs, and the failure analyzers that name the property to fix.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
