package org.zeromq.spring.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.template.ZmqTemplate;

/**
 * A real Spring Boot application with the starter's auto-configuration, as a user would run
 * it: sockets declared as {@code zeromq.sockets.*} properties, listener beans with
 * {@code @ZmqListener}, and {@link ZmqTemplate} for sending. Its startup is not timed.
 */
public final class StarterApp implements AutoCloseable {

	/** The auto-configuration a Spring Integration scenario includes by setting {@code spring.autoconfigure.exclude} to "". */
	public static final String INTEGRATION_AUTO_CONFIGURATION = "org.zeromq.spring.autoconfigure.integration.ZmqIntegrationAutoConfiguration";

	private final ConfigurableApplicationContext context;

	// Looked up once: scenarios call template() for every message they send, and a bean lookup
	// per message (measured in a JFR profile of the PUB→SUB row) is not what an application pays.
	private final ZmqTemplate template;

	private StarterApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.template = context.getBean(ZmqTemplate.class);
	}

	/**
	 * @param properties {@code zeromq.*} and other properties
	 * @param shared objects the listener beans take by constructor (e.g. {@link Arrivals})
	 * @param components listener bean classes
	 */
	public static StarterApp start(Map<String, Object> properties, Map<String, Object> shared, Class<?>... components) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.main.banner-mode", "off");
		all.put("spring.main.log-startup-info", "false");
		all.put("logging.level.root", "WARN");
		// Spring Integration is on the benchmarks' class path for its own scenarios; the others
		// run without it, as an application without the module would. Those scenarios clear this.
		all.put("spring.autoconfigure.exclude", INTEGRATION_AUTO_CONFIGURATION);
		// A meter registry is on the class path for the metrics row; every other row measures the
		// starter without its meters, as before, unless it turns them on.
		all.put("zeromq.metrics.enabled", "false");
		all.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).sources(components)
			.web(WebApplicationType.NONE)
			.properties(all)
			.initializers((ctx) -> shared.forEach((name, bean) -> ctx.getBeanFactory().registerSingleton(name, bean)))
			.run();
		return new StarterApp(context);
	}

	public ZmqTemplate template() {
		return this.template;
	}

	/** The resolved endpoint of a socket that binds {@code :*}. */
	public String endpoint(String socket) {
		return this.context.getBean(ZmqSocketRegistry.class).endpoint(socket);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public <T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
