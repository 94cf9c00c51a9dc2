package org.zeromq.spring.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as the handler of a socket declared under {@code zeromq.sockets}. Its
 * return value is the reply on REP and ROUTER sockets (and on DEALER and PAIR when not
 * {@code null}); with {@link org.springframework.messaging.handler.annotation.SendTo @SendTo}
 * it is forwarded to another declared socket instead.
 * <p>
 * Attributes accept property placeholders ({@code ${…}}).
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
	 * The listener's id in {@link ZmqListenerEndpointRegistry} and in its thread names
	 * ({@code zmq-listener-<id>-<n>}). Defaults to the socket name.
	 */
	String id() default "";

	/**
	 * How many threads serve the socket. On a socket that only connects: that many sockets,
	 * one per thread. On a binding REP, ROUTER or PULL: the declared endpoint in front of an
	 * inproc device feeding that many worker sockets. Defaults to 1.
	 */
	String concurrency() default "";

	/** Whether the listener starts with the application; {@code false} waits for the registry's start. */
	String autoStartup() default "";

	/** Name of a {@link ZmqListenerErrorHandler} bean for this listener. */
	String errorHandler() default "";

}
