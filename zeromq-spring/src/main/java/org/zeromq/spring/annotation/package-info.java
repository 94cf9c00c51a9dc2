/**
 * {@code @ZmqListener}, {@code @EnableZmq} and the bean post-processor that registers annotated listener methods, with or without Spring Boot.
 * <p>
 * Types are non-null unless annotated {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.zeromq.spring.annotation;

import org.jspecify.annotations.NullMarked;
