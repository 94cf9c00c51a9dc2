/**
 * The Java DSL: {@link org.zeromq.spring.integration.dsl.Zmq} and the specs of its adapters, gateways and channels, for {@code IntegrationFlow} definitions.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.integration.dsl;

import org.jspecify.annotations.NullMarked;
