package org.zeromq.spring.listener;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * One {@code @ZmqListener} method with its resolved attributes, or (made with
 * {@link #forListener}) a {@link ZmqMessageListener} that takes the place of a method.
 *
 * @param id the listener's id
 * @param socket the declared socket it listens on
 * @param concurrency how many threads serve the socket, or {@code null} for the container
 * factory's default
 * @param autoStartup whether it starts with the application, or {@code null} for the container
 * factory's default
 * @param errorHandler bean name of its {@link ZmqListenerErrorHandler}, or {@code null}
 * @param sendTo the declared socket return values are forwarded to, or {@code null}
 * @param bean the bean that owns the method, or the {@link ZmqMessageListener}
 * @param method the handler method, or {@code null} for a {@link ZmqMessageListener}
 */
public record ListenerEndpoint(String id, String socket, @Nullable Integer concurrency, @Nullable Boolean autoStartup,
		@Nullable String errorHandler, @Nullable String sendTo, Object bean, @Nullable Method method) {

	/**
	 * An endpoint whose messages go to {@code listener} rather than to an annotated method; it
	 * names itself in messages by the listener's {@code toString()}. Create its container with
	 * {@link org.zeromq.spring.config.DefaultZmqListenerContainerFactory#createListenerContainer(ListenerEndpoint, ZmqMessageListener)}.
	 * @param id the container's id
	 * @param socket the declared socket it listens on
	 * @param concurrency how many threads serve the socket, or {@code null} for the container
	 * factory's default
	 * @param autoStartup whether it starts with the application, or {@code null} for the
	 * container factory's default
	 * @param listener what handles each message
	 */
	public static ListenerEndpoint forListener(String id, String socket, @Nullable Integer concurrency,
			@Nullable Boolean autoStartup,
			ZmqMessageListener listener) {
		return new ListenerEndpoint(id, socket, concurrency, autoStartup, null, null, listener, null);
	}

	/**
	 * The annotated method, for the paths that only method endpoints take.
	 * @throws IllegalStateException for an endpoint made with {@link #forListener}, whose
	 * container is created with its {@link ZmqMessageListener} instead
	 */
	public Method handlerMethod() {
		if (this.method == null) {
			throw new IllegalStateException("Listener " + describe()
					+ " has no method: create its container with its ZmqMessageListener");
		}
		return this.method;
	}

	/** The listener as a user recognises it in a message. */
	public String describe() {
		if (this.method == null) {
			return this.bean + " (id '" + this.id + "')";
		}
		return "@ZmqListener " + this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName() + " (id '"
				+ this.id + "')";
	}

	/** The method as {@code Class.method}, for messages about its parameters. */
	public String methodName() {
		if (this.method == null) {
			return String.valueOf(this.bean);
		}
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
