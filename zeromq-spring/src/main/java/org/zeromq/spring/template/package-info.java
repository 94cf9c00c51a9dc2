/**
 * {@link org.zeromq.spring.template.ZmqTemplate} and {@link org.zeromq.spring.template.ZmqOperations}: sending, publishing and request-reply on managed sockets.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.template;

import org.jspecify.annotations.NullMarked;
