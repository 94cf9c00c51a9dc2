package org.zeromq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as the handler of a declared socket. Its return value is the reply on REP
 * and ROUTER sockets (and on DEALER and PAIR when not {@code null}); with
 * {@link org.springframework.messaging.handler.annotation.SendTo @SendTo} it is forwarded to
 * another declared socket instead.
 * <p>
 * Every attribute accepts property placeholders ({@code ${…}}) and SpEL expressions
 * ({@code #{…}}, where {@code __listener} is the bean that owns the method). Needs
 * {@link EnableZmq @EnableZmq}, which the Spring Boot auto-configuration applies for you.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZmqListener {

	/** The declared socket to listen on. */
	@AliasFor("socket")
	String value() default "";

	/** The declared socket to listen on. */
	@AliasFor("value")
	String socket() default "";

	/**
	 * The listener's id in the {@code ZmqListenerEndpointRegistry} and in its thread names
	 * ({@code zmq-listener-<id>-<n>}). Defaults to the socket name.
	 */
	String id() default "";

	/**
	 * How many threads serve the socket. On a socket that only connects: that many sockets,
	 * one per thread. On a binding REP, ROUTER or PULL: the declared endpoint in front of an
	 * inproc device feeding that many worker sockets. Defaults to the container factory's
	 * concurrency (1 unless configured).
	 */
	String concurrency() default "";

	/**
	 * Whether the listener starts with the application; {@code false} waits for the
	 * registry's start. Defaults to the container factory's setting ({@code true} unless configured).
	 */
	String autoStartup() default "";

	/** Name of a {@code ZmqListenerErrorHandler} bean for this listener. */
	String errorHandler() default "";

	/**
	 * Name of the {@code ZmqListenerContainerFactory} bean that creates this listener's
	 * container; the bean {@code zmqListenerContainerFactory} by default.
	 */
	String containerFactory() default "";

}
