package org.zeromq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Runs the {@link ZmqListener @ZmqListener} methods of an application's beans, without Spring
 * Boot. The application declares a {@link org.zeromq.spring.core.ZmqSocketRegistry} bean (its
 * sockets, on the one {@code ZContext}); this brings the annotation processor and the
 * {@code ZmqListenerEndpointRegistry} that starts and stops listeners with the context. Also
 * taken from the context when present: a {@code ZmqListenerContainerFactory} bean named
 * {@code zmqListenerContainerFactory} (else one is made from the socket registry), a
 * {@link org.zeromq.spring.core.PayloadConverter}, a Spring {@code Validator} for
 * {@code @Valid} payloads, and {@link ZmqListenerConfigurer} beans.
 * <pre class="code">
 * &#064;Configuration
 * &#064;EnableZmq
 * class MessagingConfig {
 *
 *     &#064;Bean(destroyMethod = "close")
 *     ZContext zmqContext() { return new ZContext(); }
 *
 *     &#064;Bean(destroyMethod = "close")
 *     ZmqSocketRegistry zmqSocketRegistry(ZContext context) {
 *         return new ZmqSocketRegistry(new ZmqSocketFactory(context, new SocketConfigurer(Duration.ofSeconds(1))),
 *                 List.of(SocketSpec.bind("orders", ZmqSocketType.PULL, "tcp://127.0.0.1:5557")));
 *     }
 *
 * }
 * </pre>
 * In a Spring Boot application the auto-configuration applies this itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ZmqBootstrapConfiguration.class)
public @interface EnableZmq {

}
