package org.zeromq.spring.config;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.zeromq.spring.core.OutboundFrames;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.DefaultZmqListenerContainer;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ListenerSocketSettings;
import org.zeromq.spring.listener.ZmqContainerProperties;
import org.zeromq.spring.listener.ZmqListenerErrorHandler;
import org.zeromq.spring.listener.ZmqMessageListener;
import org.zeromq.spring.listener.adapter.ZmqMessageHandlerMethodFactory;

/**
 * Creates {@link DefaultZmqListenerContainer}s on the declared sockets of a
 * {@link ZmqSocketRegistry}, sharing one {@link ZmqContainerProperties} (executor, error
 * handler, shutdown timeout, observation, default concurrency and auto-startup).
 */
public class DefaultZmqListenerContainerFactory
		implements ZmqListenerContainerFactory<DefaultZmqListenerContainer>, BeanFactoryAware {

	private final ZmqSocketRegistry registry;

	private final PayloadConverter converter;

	private final OutboundFrames outbound;

	private final ZmqContainerProperties containerProperties = new ZmqContainerProperties();

	private Function<String, ListenerSocketSettings> socketSettings = (socket) -> ListenerSocketSettings.DEFAULTS;

	private @Nullable BeanFactory beanFactory;

	/**
	 * @param registry the declared sockets listeners run on
	 * @param converter turns return values into reply frames
	 */
	public DefaultZmqListenerContainerFactory(ZmqSocketRegistry registry, PayloadConverter converter) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.converter = Objects.requireNonNull(converter, "converter");
		this.outbound = new OutboundFrames(converter);
	}

	/** What every container of this factory shares; set before listeners register. */
	public ZmqContainerProperties getContainerProperties() {
		return this.containerProperties;
	}

	/** The declared sockets its containers run on. */
	public ZmqSocketRegistry getSocketRegistry() {
		return this.registry;
	}

	/** The converter of reply frames (and, unless the registrar has one, of payloads). */
	public PayloadConverter getConverter() {
		return this.converter;
	}

	/** Error reply and dead-letter socket by socket name; {@link ListenerSocketSettings#DEFAULTS} otherwise. */
	public void setSocketSettings(Function<String, ListenerSocketSettings> socketSettings) {
		this.socketSettings = Objects.requireNonNull(socketSettings, "socketSettings");
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public DefaultZmqListenerContainer createListenerContainer(ListenerEndpoint endpoint,
			MessageHandlerMethodFactory handlerMethods) {
		InvocableHandlerMethod handler = (handlerMethods instanceof ZmqMessageHandlerMethodFactory zmq)
				? zmq.createHandlerMethod(endpoint) : handlerMethods.createInvocableHandlerMethod(endpoint.bean(), endpoint.handlerMethod());
		return new DefaultZmqListenerContainer(endpoint, handler, errorHandler(endpoint),
				this.socketSettings.apply(endpoint.socket()), this.registry, this.outbound, this.containerProperties);
	}

	/**
	 * Creates, and checks, the container of a listener whose messages go to {@code listener}
	 * instead of an annotated method (see {@link ListenerEndpoint#forListener}); it shares this
	 * factory's container properties, socket settings and converter, and does not start.
	 * @param endpoint the listener's id, socket, concurrency and auto-startup
	 * @param listener handles each message; what it returns is the reply
	 * @return the container, not started, owned by the caller (it is not in any endpoint registry)
	 * @throws ListenerConfigurationException when the listener cannot run on its socket as declared
	 */
	public DefaultZmqListenerContainer createListenerContainer(ListenerEndpoint endpoint, ZmqMessageListener listener) {
		return new DefaultZmqListenerContainer(endpoint, listener, errorHandler(endpoint),
				this.socketSettings.apply(endpoint.socket()), this.registry, this.outbound, this.containerProperties);
	}

	private ZmqListenerErrorHandler errorHandler(ListenerEndpoint endpoint) {
		String name = endpoint.errorHandler();
		if (name == null) {
			return this.containerProperties.getErrorHandler();
		}
		if (this.beanFactory == null) {
			throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
					"errorHandler '" + name + "' names a bean, but this container factory has no bean factory",
					"create the factory as a bean, or set the error handler in its container properties");
		}
		try {
			return this.beanFactory.getBean(name, ZmqListenerErrorHandler.class);
		}
		catch (BeansException ex) {
			throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
					"errorHandler '" + name + "' is not a ZmqListenerErrorHandler bean (" + ex.getMessage() + ")",
					"declare a ZmqListenerErrorHandler bean of that name, or correct the name");
		}
	}

}
