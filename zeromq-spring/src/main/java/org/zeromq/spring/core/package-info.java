/**
 * Managed JeroMQ sockets: socket specs and options, their validation, the context, the socket registry, the owner-thread loop and the frame conversion shared by the template and the listeners.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.core;

import org.jspecify.annotations.NullMarked;
