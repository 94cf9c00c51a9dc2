package org.zeromq.spring.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeromq.spring.test.LiveThreads;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zeromq.spring.security.CurveSecurityTests.AUTHORIZE_CLIENT;
import static org.zeromq.spring.security.CurveSecurityTests.curveServer;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * The ZAP handler's lifecycle in the application: none without a socket that needs it; when
 * there is one, running from before it opens until after every bean that opens sockets is
 * gone, and ended before the context closes.
 */
class SecurityLifecycleTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner();

	@Test
	void anApplicationWithoutSecuredSocketsRunsNoZapHandler() {
		this.runner.withPropertyValues(socket("jobs", "type=PULL", "bind=" + ANY_TCP)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ZmqSecurity.class).isZapHandlerRunning()).isFalse();
			assertThat(LiveThreads.now().zmqThreadNames()).noneMatch((name) -> name.startsWith("zmq-zap-handler"));
		});
	}

	@Test
	void everyBeanThatOpensSocketsIsDestroyedBeforeTheSecurityAndTheSecurityBeforeTheContext() {
		this.runner.withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT).run((context) -> {
			assertThat(context.getBean(ZmqSecurity.class).isZapHandlerRunning()).isTrue();
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			// Spring destroys a bean's dependents before the bean itself. (Listener containers come from
			// the container factory, and stop with the lifecycle, before any bean is destroyed.)
			assertThat(dependentsOf(beans, "zmqSecurity")).contains("zmqSocketFactory", "zmqSocketRegistry",
					"zmqListenerContainerFactory", "zmqTemplate");
			assertThat(beans.getDependenciesForBean("zmqSecurity")).contains("zmqContext");
		});
	}

	@Test
	void theZapHandlersThreadEndsWithTheApplication() {
		LiveThreads before = LiveThreads.now();
		ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
		this.runner.withPropertyValues(curveServer("hello", "REP")).withPropertyValues(AUTHORIZE_CLIENT).run((context) -> {
			started[0] = context;
			assertThat(LiveThreads.now().startedSince(before)).anyMatch((name) -> name.startsWith("zmq-zap-handler"));
		});
		assertThat(started[0].isActive()).isFalse();
		before.awaitZmqThreadsEnded();
	}

	private static Set<String> dependentsOf(ConfigurableListableBeanFactory beans, String name) {
		Set<String> dependents = new HashSet<>();
		Deque<String> toVisit = new ArrayDeque<>(Set.of(name));
		while (!toVisit.isEmpty()) {
			for (String dependent : beans.getDependentBeans(toVisit.pop())) {
				if (dependents.add(dependent)) {
					toVisit.push(dependent);
				}
			}
		}
		return dependents;
	}

}
