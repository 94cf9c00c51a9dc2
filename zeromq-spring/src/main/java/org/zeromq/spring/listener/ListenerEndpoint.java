package org.zeromq.spring.listener;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * One {@code @ZmqListener} method with its resolved attributes.
 *
 * @param id the listener's id
 * @param socket the declared socket it listens on
 * @param concurrency how many threads serve the socket, or {@code null} for the container
 * factory's default
 * @param autoStartup whether it starts with the application, or {@code null} for the container
 * factory's default
 * @param errorHandler bean name of its {@link ZmqListenerErrorHandler}, or {@code null}
 * @param sendTo the declared socket return values are forwarded to, or {@code null}
 * @param bean the bean that owns the method
 * @param method the handler method
 */
public record ListenerEndpoint(String id, String socket, @Nullable Integer concurrency, @Nullable Boolean autoStartup,
		@Nullable String errorHandler, @Nullable String sendTo, Object bean, Method method) {

	/** The listener as a user recognises it in a message. */
	public String describe() {
		return "@ZmqListener " + this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + " (id '"
				+ this.id + "')";
	}

	/** The method as {@code Class.method}, for messages about its parameters. */
	public String methodName() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
