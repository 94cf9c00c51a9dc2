package org.zeromq.spring.annotation;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.validation.Validator;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.config.ZmqListenerContainerFactory;
import org.zeromq.spring.config.ZmqListenerEndpointRegistrar;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;

/**
 * Finds {@link ZmqListener @ZmqListener} methods on beans and registers them through the
 * {@link ZmqListenerEndpointRegistrar}: those of the singletons once every singleton exists
 * (before any socket opens, so that a listener can still shape how its socket opens), those of
 * beans created later (lazy, prototype) at once, started if the application runs. Attributes
 * are resolved like Spring Kafka's: placeholders first, then SpEL through the bean factory's
 * {@link BeanExpressionResolver}, with {@code __listener} naming the bean.
 */
public class ZmqListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	/** The container factory of listeners that name none, when the context has one of this name. */
	public static final String DEFAULT_CONTAINER_FACTORY_BEAN_NAME = "zmqListenerContainerFactory";

	private final ZmqListenerEndpointRegistrar registrar = new ZmqListenerEndpointRegistrar();

	private final ListenerScope listenerScope = new ListenerScope();

	// Classes without listeners, so that prototypes created again and again are introspected once.
	private final Set<Class<?>> withoutListeners = ConcurrentHashMap.newKeySet();

	// Guarded by this.
	private final Set<String> ids = new HashSet<>();

	// Set by setBeanFactory before any bean is processed.
	@SuppressWarnings("NullAway.Init")
	private ConfigurableListableBeanFactory beanFactory;

	private @Nullable BeanExpressionResolver expressionResolver;

	@SuppressWarnings("NullAway.Init")
	private BeanExpressionContext expressionContext;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.expressionResolver = this.beanFactory.getBeanExpressionResolver();
		this.expressionContext = new BeanExpressionContext(this.beanFactory, this.listenerScope);
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.withoutListeners.contains(targetClass)) {
			return bean;
		}
		Map<Method, ZmqListener> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ZmqListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ZmqListener.class));
		if (annotated.isEmpty()) {
			this.withoutListeners.add(targetClass);
			return bean;
		}
		synchronized (this) {
			this.listenerScope.current = bean;
			try {
				annotated.forEach((method, listener) -> {
					Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
					ListenerEndpoint endpoint = endpoint(bean, invocable, listener);
					this.registrar.registerEndpoint(endpoint, containerFactory(endpoint, listener));
				});
			}
			finally {
				this.listenerScope.current = null;
			}
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.registrar.setBeanFactory(this.beanFactory);
		this.beanFactory.getBeanProvider(ZmqListenerConfigurer.class)
			.orderedStream()
			.forEach((configurer) -> configurer.configureZmqListeners(this.registrar));
		if (this.registrar.getEndpointRegistry() == null) {
			this.registrar.setEndpointRegistry(this.beanFactory.containsBean(
					ZmqBootstrapConfiguration.LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
							? this.beanFactory.getBean(ZmqBootstrapConfiguration.LISTENER_ENDPOINT_REGISTRY_BEAN_NAME,
									ZmqListenerEndpointRegistry.class)
							: this.beanFactory.getBean(ZmqListenerEndpointRegistry.class));
		}
		if (this.registrar.getContainerFactory() == null) {
			this.registrar.setContainerFactory(defaultContainerFactory());
		}
		if (this.registrar.getValidator() == null) {
			this.registrar.setValidator(this.beanFactory.getBeanProvider(Validator.class).getIfUnique());
		}
		if (this.registrar.getPayloadConverter() == null) {
			ZmqListenerContainerFactory<?> factory = this.registrar.getContainerFactory();
			this.registrar.setPayloadConverter(this.beanFactory.getBeanProvider(PayloadConverter.class)
				.getIfUnique(() -> (factory instanceof DefaultZmqListenerContainerFactory standard) ? standard.getConverter()
						: PayloadConverter.withDefaults()));
		}
		this.registrar.registerAllEndpoints();
	}

	// The bean of the default name, else the only factory, else one made from the socket registry.
	private @Nullable ZmqListenerContainerFactory<?> defaultContainerFactory() {
		if (this.beanFactory.containsBean(DEFAULT_CONTAINER_FACTORY_BEAN_NAME)) {
			return this.beanFactory.getBean(DEFAULT_CONTAINER_FACTORY_BEAN_NAME, ZmqListenerContainerFactory.class);
		}
		ZmqListenerContainerFactory<?> only = this.beanFactory.getBeanProvider(ZmqListenerContainerFactory.class).getIfUnique();
		if (only != null) {
			return only;
		}
		ZmqSocketRegistry sockets = this.beanFactory.getBeanProvider(ZmqSocketRegistry.class).getIfUnique();
		if (sockets == null) {
			return null;
		}
		DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
				this.beanFactory.getBeanProvider(PayloadConverter.class).getIfUnique(PayloadConverter::withDefaults));
		factory.setBeanFactory(this.beanFactory);
		return factory;
	}

	private @Nullable ZmqListenerContainerFactory<?> containerFactory(ListenerEndpoint endpoint, ZmqListener listener) {
		Object factory = resolveExpression(listener.containerFactory());
		if (factory instanceof ZmqListenerContainerFactory<?> instance) {
			return instance;
		}
		String name = asText(factory);
		if (name.isEmpty()) {
			return null;
		}
		try {
			return this.beanFactory.getBean(name, ZmqListenerContainerFactory.class);
		}
		catch (BeansException ex) {
			throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
					"containerFactory '" + name + "' is not a ZmqListenerContainerFactory bean (" + ex.getMessage() + ")",
					"declare a ZmqListenerContainerFactory bean of that name, or correct the name");
		}
	}

	private ListenerEndpoint endpoint(Object bean, Method method, ZmqListener listener) {
		String where = "@ZmqListener " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
		String socket = resolveText(listener.socket());
		if (socket.isEmpty()) {
			throw new ListenerConfigurationException(where, "", "names no socket", "write @ZmqListener(\"<socket name>\")");
		}
		String id = resolveText(listener.id());
		if (id.isEmpty()) {
			id = socket;
			for (int n = 2; this.ids.contains(id); n++) {
				id = socket + "-" + n;
			}
		}
		this.ids.add(id);
		String described = where + " (id '" + id + "')";
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
		String sendToSocket = null;
		if (sendTo != null) {
			if (sendTo.value().length != 1) {
				throw new ListenerConfigurationException(described, socket, "@SendTo names " + sendTo.value().length
						+ " sockets", "name exactly one declared socket in @SendTo");
			}
			sendToSocket = resolveText(sendTo.value()[0]);
		}
		String errorHandler = resolveText(listener.errorHandler());
		return new ListenerEndpoint(id, socket, concurrency(described, socket, listener.concurrency()),
				autoStartup(described, socket, listener.autoStartup()), errorHandler.isEmpty() ? null : errorHandler,
				sendToSocket, bean, method);
	}

	private @Nullable Integer concurrency(String where, String socket, String value) {
		Object resolved = resolveExpression(value);
		if (resolved instanceof Number number) {
			return number.intValue();
		}
		String text = asText(resolved);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new ListenerConfigurationException(where, socket, "concurrency '" + text + "' is not a number",
					"write a whole number of threads, 1 or more");
		}
	}

	private @Nullable Boolean autoStartup(String where, String socket, String value) {
		Object resolved = resolveExpression(value);
		if (resolved instanceof Boolean flag) {
			return flag;
		}
		String text = asText(resolved);
		if (text.isEmpty()) {
			return null;
		}
		if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
			throw new ListenerConfigurationException(where, socket, "autoStartup '" + text + "' is not true or false",
					"write true or false");
		}
		return Boolean.parseBoolean(text);
	}

	private String resolveText(String value) {
		return asText(resolveExpression(value));
	}

	private static String asText(@Nullable Object resolved) {
		return (resolved != null) ? resolved.toString().trim() : "";
	}

	// Placeholders first, then SpEL: "#{${app.workers} * 2}" works as in Spring Kafka.
	private @Nullable Object resolveExpression(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		if (this.expressionResolver == null || resolved == null) {
			return resolved;
		}
		return this.expressionResolver.evaluate(resolved, this.expressionContext);
	}

	/** Makes the bean being processed available to SpEL as {@code __listener}. */
	private static final class ListenerScope implements Scope {

		private static final String LISTENER = "__listener";

		private @Nullable Object current;

		@Override
		public Object get(String name, ObjectFactory<?> objectFactory) {
			return objectFactory.getObject();
		}

		@Override
		public @Nullable Object remove(String name) {
			return null;
		}

		@Override
		public void registerDestructionCallback(String name, Runnable callback) {
		}

		@Override
		public @Nullable Object resolveContextualObject(String key) {
			return LISTENER.equals(key) ? this.current : null;
		}

		@Override
		public @Nullable String getConversationId() {
			return null;
		}

	}

}
