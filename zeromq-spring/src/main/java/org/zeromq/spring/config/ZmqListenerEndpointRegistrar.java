package org.zeromq.spring.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.validation.Validator;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.adapter.ZmqMessageHandlerMethodFactory;

/**
 * Collects listeners until the application's singletons exist, then hands them to the
 * {@link ZmqListenerEndpointRegistry}; listeners found later (a lazy or prototype bean) go to
 * the registry at once and start. A {@link org.zeromq.spring.annotation.ZmqListenerConfigurer}
 * receives it to add argument resolvers, a validator, its own
 * {@link MessageHandlerMethodFactory}, or a default container factory.
 */
public class ZmqListenerEndpointRegistrar {

	private final List<Registration> pending = new ArrayList<>();

	private final List<HandlerMethodArgumentResolver> customArgumentResolvers = new ArrayList<>();

	private @Nullable ZmqListenerEndpointRegistry endpointRegistry;

	private @Nullable ZmqListenerContainerFactory<?> containerFactory;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable Validator validator;

	private @Nullable PayloadConverter payloadConverter;

	private @Nullable ConfigurableBeanFactory beanFactory;

	private boolean startImmediately;

	public @Nullable ZmqListenerEndpointRegistry getEndpointRegistry() {
		return this.endpointRegistry;
	}

	public void setEndpointRegistry(ZmqListenerEndpointRegistry endpointRegistry) {
		this.endpointRegistry = endpointRegistry;
	}

	/** The factory of listeners that name none; the bean {@code zmqListenerContainerFactory} otherwise. */
	public @Nullable ZmqListenerContainerFactory<?> getContainerFactory() {
		return this.containerFactory;
	}

	public void setContainerFactory(@Nullable ZmqListenerContainerFactory<?> containerFactory) {
		this.containerFactory = containerFactory;
	}

	/**
	 * Replaces the whole argument resolution (the ZeroMQ resolvers included); prefer
	 * {@link #setCustomArgumentResolvers} to add to it.
	 */
	public void setMessageHandlerMethodFactory(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
	}

	/** Resolvers for parameters of the application's own types, consulted before the payload's. */
	public void setCustomArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		this.customArgumentResolvers.clear();
		this.customArgumentResolvers.addAll(resolvers);
	}

	public List<HandlerMethodArgumentResolver> getCustomArgumentResolvers() {
		return List.copyOf(this.customArgumentResolvers);
	}

	/** Validates {@code @Valid} and {@code @Validated} payloads; the application's Validator bean by default. */
	public void setValidator(@Nullable Validator validator) {
		this.validator = validator;
	}

	public @Nullable Validator getValidator() {
		return this.validator;
	}

	/** Reads payload frames for listener arguments; the application's {@link PayloadConverter} by default. */
	public void setPayloadConverter(PayloadConverter payloadConverter) {
		this.payloadConverter = payloadConverter;
	}

	public @Nullable PayloadConverter getPayloadConverter() {
		return this.payloadConverter;
	}

	public void setBeanFactory(ConfigurableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** The argument resolution every listener of this registrar uses, created on first use. */
	public synchronized MessageHandlerMethodFactory getMessageHandlerMethodFactory() {
		if (this.messageHandlerMethodFactory == null) {
			PayloadConverter converter = (this.payloadConverter != null) ? this.payloadConverter
					: PayloadConverter.withDefaults();
			this.messageHandlerMethodFactory = new ZmqMessageHandlerMethodFactory(converter, this.validator,
					this.customArgumentResolvers, this.beanFactory);
		}
		return this.messageHandlerMethodFactory;
	}

	/**
	 * Registers a listener with its container factory ({@code null} for the default): held
	 * until {@link #registerAllEndpoints()}, or registered and started at once after it.
	 */
	public synchronized void registerEndpoint(ListenerEndpoint endpoint, @Nullable ZmqListenerContainerFactory<?> factory) {
		Registration registration = new Registration(endpoint, factory);
		if (this.startImmediately) {
			register(registration, true);
		}
		else {
			this.pending.add(registration);
		}
	}

	/** Registers the listeners held so far; from now on listeners register and start at once. */
	public synchronized void registerAllEndpoints() {
		Objects.requireNonNull(this.endpointRegistry, "endpointRegistry");
		try {
			for (Registration registration : this.pending) {
				register(registration, false);
			}
		}
		finally {
			this.pending.clear();
		}
		this.startImmediately = true;
	}

	@SuppressWarnings("NullAway") // registerAllEndpoints checked the endpoint registry before any registration
	private void register(Registration registration, boolean start) {
		ZmqListenerContainerFactory<?> factory = (registration.factory() != null) ? registration.factory()
				: this.containerFactory;
		if (factory == null) {
			throw new IllegalStateException(registration.endpoint().describe() + " has no container factory: declare a "
					+ "ZmqSocketRegistry bean (the sockets listeners run on) or a ZmqListenerContainerFactory bean");
		}
		this.endpointRegistry.registerListenerContainer(registration.endpoint(), factory,
				getMessageHandlerMethodFactory(), start);
	}

	private record Registration(ListenerEndpoint endpoint, @Nullable ZmqListenerContainerFactory<?> factory) {
	}

}
