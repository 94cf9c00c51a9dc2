package org.zeromq.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.zeromq.ZContext;
import org.zeromq.spring.annotation.EnableZmq;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;

/**
 * A plain Spring application (no Spring Boot) as a library user writes it: {@link EnableZmq},
 * a {@link ZContext}, and a {@link ZmqSocketRegistry} with the test's sockets; the test adds its
 * listener beans and, where it needs them, properties for placeholders.
 */
public final class PlainZmqApplication {

	/** Loopback with a port the system picks. */
	public static final String ANY_TCP = "tcp://127.0.0.1:*";

	private PlainZmqApplication() {
	}

	/** Starts the application; close it (try-with-resources) to stop listeners and close sockets. */
	public static AnnotationConfigApplicationContext run(List<SocketSpec> sockets, Class<?>... components) {
		return run(sockets, Map.of(), components);
	}

	public static AnnotationConfigApplicationContext run(List<SocketSpec> sockets, Map<String, Object> properties,
			Class<?>... components) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
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

	/** The sockets a test declares. */
	public record Declarations(List<SocketSpec> sockets) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableZmq
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

	}

}
