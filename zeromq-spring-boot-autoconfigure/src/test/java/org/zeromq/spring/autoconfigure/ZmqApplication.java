package org.zeromq.spring.autoconfigure;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PeerSockets;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * An application with the ZeroMQ auto-configuration, as tests build it: sockets are declared
 * with the same properties a user writes under {@code zeromq.sockets}.
 */
final class ZmqApplication {

	/** The receive-timeout setting for declared sockets a test receives on, as patient as the peers. */
	static final String RECEIVE_TIMEOUT = "receive-timeout=" + PeerSockets.RECEIVE_TIMEOUT.toMillis() + "ms";

	private ZmqApplication() {
	}

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class));
	}

	/**
	 * Properties declaring one socket: {@code socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*")}
	 * is {@code zeromq.sockets.out.type=PUSH} and {@code zeromq.sockets.out.bind=tcp://127.0.0.1:*}.
	 */
	static String[] socket(String name, String... settings) {
		return Arrays.stream(settings).map((setting) -> property(name, setting)).toArray(String[]::new);
	}

	/** The full name of a socket's property, as messages must name it. */
	static String property(String socket, String option) {
		return ZmqProperties.SOCKETS_PREFIX + "." + socket + "." + option;
	}

	static ZmqSocketRegistry registry(AssertableApplicationContext context) {
		return context.getBean(ZmqSocketRegistry.class);
	}

	/** The exception of the given type in the chain of causes of the context's startup failure. */
	static <T extends Throwable> T startupFailure(AssertableApplicationContext context, Class<T> type) {
		Throwable failure = context.getStartupFailure();
		if (failure == null) {
			throw new AssertionError("the application started, but was expected to fail with " + type.getSimpleName());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("the startup failure has no " + type.getSimpleName() + " among its causes", failure);
	}

	/**
	 * Receives one frame as text on a declared socket, which must declare a receive-timeout so
	 * that a missing message fails the test instead of hanging it.
	 */
	static String receive(AssertableApplicationContext context, String socket) {
		String received = registry(context).socket(socket).execute((zmq) -> {
			if (zmq.getReceiveTimeOut() < 0) {
				throw new AssertionError("declare a receive-timeout on socket '" + socket + "' before receiving on it");
			}
			return zmq.recvStr();
		});
		if (received == null) {
			throw new AssertionError("nothing arrived on socket '" + socket + "' within its receive-timeout");
		}
		return received;
	}

}
