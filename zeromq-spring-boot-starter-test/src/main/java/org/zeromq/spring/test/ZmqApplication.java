package org.zeromq.spring.test;

import java.time.Duration;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.zeromq.spring.autoconfigure.ZmqAutoConfiguration;
import org.zeromq.spring.autoconfigure.ZmqProperties;
import org.zeromq.spring.autoconfigure.integration.ZmqIntegrationAutoConfiguration;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * An application with the ZeroMQ auto-configuration, as tests build it: each test adds its
 * handler beans and declares its sockets with the same properties a user writes under
 * {@code zeromq.sockets}.
 */
public final class ZmqApplication {

	/** Loopback with a port the system picks; tests read the real one back from the registry. */
	public static final String ANY_TCP = "tcp://127.0.0.1:*";

	/** How long a test waits for something that should happen; a failing test fails within it. */
	public static final Duration WAIT = Duration.ofSeconds(10);

	/** The receive-timeout setting for declared sockets a test receives on, as patient as the peers. */
	public static final String RECEIVE_TIMEOUT = "receive-timeout=" + PeerSockets.TIMEOUT.toMillis() + "ms";

	// Boot skips (and logs) analyzers whose classes are missing, such as its web ones here.
	private static final Log logger = LogFactory.getLog(ZmqApplication.class);

	private ZmqApplication() {
	}

	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class));
	}

	/**
	 * The application with Boot's Jackson, as most applications have it: JSON goes through Boot's
	 * {@code JsonMapper}, so {@code spring.jackson.*} settings apply.
	 */
	public static ApplicationContextRunner runnerWithJackson() {
		return runner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));
	}

	/**
	 * The application with Spring Integration on the starter's sockets: the adapters, gateways and
	 * channels of its flows, and the bridges of {@code zeromq.integration.*}.
	 */
	public static ApplicationContextRunner runnerWithIntegration() {
		return runnerWithJackson().withConfiguration(AutoConfigurations.of(ZmqIntegrationAutoConfiguration.class));
	}

	/**
	 * Properties declaring one socket: {@code socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*")}
	 * is {@code zeromq.sockets.out.type=PUSH} and {@code zeromq.sockets.out.bind=tcp://127.0.0.1:*}.
	 */
	public static String[] socket(String name, String... settings) {
		return Arrays.stream(settings).map((setting) -> property(name, setting)).toArray(String[]::new);
	}

	/** The full name of a socket's property, as messages must name it. */
	public static String property(String socket, String option) {
		return ZmqProperties.SOCKETS_PREFIX + "." + socket + "." + option;
	}

	public static ZmqSocketRegistry registry(ApplicationContext context) {
		return context.getBean(ZmqSocketRegistry.class);
	}

	/** Where a declared socket bound, as resolved: {@code tcp://127.0.0.1:*} reads back with its port. */
	public static String endpoint(ApplicationContext context, String socket) {
		return registry(context).endpoint(socket);
	}

	/** The exception of the given type in the chain of causes of the context's startup failure. */
	public static <T extends Throwable> T startupFailure(AssertableApplicationContext context, Class<T> type) {
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
	 * The startup failure as Spring Boot would explain it: the first of the failure analyzers
	 * registered in {@code META-INF/spring.factories} that recognises it, in their order.
	 */
	public static FailureAnalysis failureAnalysis(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		if (failure == null) {
			throw new AssertionError("the application started, but was expected to fail");
		}
		SpringFactoriesLoader.ArgumentResolver arguments = SpringFactoriesLoader.ArgumentResolver
			.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, SpringFactoriesLoader.FailureHandler.logging(logger))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("no failure analyzer explains the startup failure", failure);
	}

	/**
	 * Receives one frame as text on a declared socket, which must declare a receive-timeout so
	 * that a missing message fails the test instead of hanging it.
	 */
	public static String receive(ApplicationContext context, String socket) {
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
