package org.zeromq.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.zeromq.spring.annotation.ZmqBootstrapConfiguration;
import org.zeromq.spring.annotation.ZmqListenerAnnotationBeanPostProcessor;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ListenerObservation;
import org.zeromq.spring.listener.ListenerSocketSettings;
import org.zeromq.spring.listener.ZmqContainerProperties;
import org.zeromq.spring.observation.CompositeListenerObservation;

/**
 * {@code @ZmqListener} support: what {@code @EnableZmq} brings (the annotation processor and the
 * registry of listener containers, in this context even when a parent has its own), and the
 * default container factory configured from {@code zeromq.listener.*} and the sockets'
 * {@code error-reply} and {@code dead-letter}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ZmqBootstrapConfiguration.class)
class ZmqListenerConfiguration {

	@Bean(ZmqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = ZmqListenerAnnotationBeanPostProcessor.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
	DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets,
			PayloadConverter zmqPayloadConverter, ZmqProperties properties, ObjectProvider<ListenerObservation> observation) {
		DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets, zmqPayloadConverter);
		ZmqProperties.Listener listener = properties.getListener();
		ZmqContainerProperties container = factory.getContainerProperties();
		SharedSettingsCheck.check(properties);
		container.setShutdownTimeout(listener.getShutdownTimeout());
		container.setConcurrency(listener.getConcurrency());
		container.setAutoStartup(listener.isAutoStartup());
		// Every observation of handler calls applies, in order: the starter's timings and tracing
		// when they are on, and an application's own.
		container.setObservation(CompositeListenerObservation.of(observation.orderedStream().toList()));
		// Listener threads stay platform threads even with spring.threads.virtual.enabled. On virtual
		// threads the owner-thread model holds (an idle poll parks and frees its carrier; stop and
		// close work), but every wake-up from a ZeroMQ poll goes through the JDK's poller thread and
		// back onto a carrier, two hand-offs more per message than a platform thread woken by the
		// kernel: lock-step request/reply measured much slower on JDK 25, streaming the same. A
		// listener is one long-lived thread per socket, so virtual threads would save nothing to
		// pay for it. An application can still set an executor of its own on its container factory.
		factory.setSocketSettings((socket) -> settings(properties, socket));
		return factory;
	}

	private static ListenerSocketSettings settings(ZmqProperties properties, String socket) {
		ZmqProperties.Socket declared = properties.getSockets().get(socket);
		if (declared == null) {
			return ListenerSocketSettings.DEFAULTS;
		}
		return new ListenerSocketSettings(declared.getErrorReply(), declared.getDeadLetter());
	}

}
