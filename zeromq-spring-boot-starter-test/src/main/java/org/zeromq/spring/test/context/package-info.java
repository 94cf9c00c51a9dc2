/**
 * Spring Boot tests of ZeroMQ applications: {@link org.zeromq.spring.test.context.EphemeralZmqEndpoints}
 * moves declared tcp binds to OS-chosen loopback ports and publishes where they bound as
 * {@code local.zeromq.sockets.<name>.endpoint}.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.test.context;

import org.jspecify.annotations.NullMarked;
