package org.zeromq.spring.integration;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqMessageListener;

/**
 * Creates the listener container an inbound endpoint receives on: the same container a
 * {@code @ZmqListener} method gets from the factory (owner threads, concurrency and device,
 * pause and resume, bounded stop), with the endpoint's listener in place of a method.
 */
final class ListenerContainers {

	private ListenerContainers() {
	}

	/**
	 * @param endpoint the endpoint as a user recognises it, for messages
	 * @param socket the declared socket
	 * @param concurrency threads for the socket, or {@code null} for the factory's default
	 * @param listener handles each message; its {@code toString()} names the endpoint
	 * @throws EndpointConfigurationException when the socket cannot serve the endpoint as declared
	 */
	static DefaultZmqListenerContainer create(DefaultZmqListenerContainerFactory factory, String endpoint, String socket,
			@Nullable Integer concurrency, ZmqMessageListener listener) {
		try {
			// The socket's name is the container's id: the threads are zmq-listener-<socket>-<n>, as
			// for a @ZmqListener on that socket, and a socket serves one listener either way.
			return factory.createListenerContainer(ListenerEndpoint.forListener(socket, socket, concurrency, null, listener),
					listener);
		}
		catch (ListenerConfigurationException ex) {
			throw new EndpointConfigurationException(endpoint, socket, ex.problem(), ex.action(), ex);
		}
	}

}
