package org.zeromq.spring.integration.test;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.messaging.Message;
import org.zeromq.ZContext;
import org.zeromq.spring.annotation.EnableZmq;
import org.zeromq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.listener.ErrorReply;
import org.zeromq.spring.listener.ListenerSocketSettings;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;

/**
 * A plain Spring Integration application (no Spring Boot) with the starter's library beans, as
 * a user without Boot writes it: {@code @EnableIntegration}, {@code @EnableZmq}, a
 * {@link ZContext}, a {@link ZmqSocketRegistry} with the test's sockets, a {@link ZmqTemplate}
 * and the default listener container factory. The test adds its flows.
 */
public final class IntegrationApplication {

	/** Loopback with a port the system picks. */
	public static final String ANY_TCP = "tcp://127.0.0.1:*";

	/** How long a test waits for something that should happen; a failing test fails within it. */
	public static final Duration WAIT = PeerSockets.TIMEOUT;

	private IntegrationApplication() {
	}

	/** Starts the application; close it (try-with-resources) to stop the flows and close the sockets. */
	public static AnnotationConfigApplicationContext run(List<SocketSpec> sockets, Class<?>... components) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(Declarations.class, () -> new Declarations(sockets));
		context.register(Infrastructure.class);
		if (components.length > 0) {
			context.register(components);
		}
		context.refresh();
		return context;
	}

	/** Where a declared socket bound, as resolved. */
	public static String endpoint(AnnotationConfigApplicationContext context, String socket) {
		return context.getBean(ZmqSocketRegistry.class).endpoint(socket);
	}

	/** The next message on a queue channel bean; fails the test when none comes in time. */
	public static Message<?> receive(AnnotationConfigApplicationContext context, String channel) {
		Message<?> message = context.getBean(channel, QueueChannel.class).receive(WAIT.toMillis());
		if (message == null) {
			throw new AssertionError("No message reached channel '" + channel + "' within " + WAIT);
		}
		return message;
	}

	/**
	 * Starts an application that must fail, and returns the exception of the given type among the
	 * causes of its failure.
	 */
	public static <T extends Throwable> T startupFailure(Class<T> type, List<SocketSpec> sockets, Class<?>... components) {
		try {
			run(sockets, components).close();
		}
		catch (RuntimeException failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (type.isInstance(cause)) {
					return type.cast(cause);
				}
			}
			throw new AssertionError("the startup failure has no " + type.getSimpleName() + " among its causes", failure);
		}
		throw new AssertionError("the application started, but was expected to fail with " + type.getSimpleName());
	}

	/** The sockets a test declares. */
	public record Declarations(List<SocketSpec> sockets) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableZmq
	@EnableIntegration
	static class Infrastructure {

		@Bean(destroyMethod = "close")
		ZContext zmqContext() {
			return new ZContext(1);
		}

		@Bean(destroyMethod = "close")
		ZmqSocketRegistry zmqSocketRegistry(ZContext context, Declarations declarations) {
			return new ZmqSocketRegistry(new ZmqSocketFactory(context, new SocketConfigurer(Duration.ofSeconds(1))),
					declarations.sockets());
		}

		@Bean
		PayloadConverter zmqPayloadConverter() {
			return PayloadConverter.withDefaults();
		}

		@Bean(destroyMethod = "close")
		ZmqTemplate zmqTemplate(ZmqSocketRegistry registry, PayloadConverter converter) {
			return new ZmqTemplate(registry, converter);
		}

		@Bean(ZmqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry registry,
				PayloadConverter converter, ObjectProvider<ErrorReply> errorReply) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(registry, converter);
			factory.getContainerProperties().setShutdownTimeout(WAIT);
			// An ErrorReply bean stands for every socket's error-reply property.
			errorReply.ifAvailable((reply) -> factory.setSocketSettings((socket) -> new ListenerSocketSettings(reply, null)));
			return factory;
		}

	}

}
