package org.zeromq.spring.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.annotation.SendTo;

/**
 * Finds {@link ZmqListener @ZmqListener} methods on beans and, once every singleton exists,
 * registers them with the {@link ZmqListenerEndpointRegistry} (before any socket opens, so that
 * a listener can still shape how its socket opens).
 */
public class ZmqListenerAnnotationBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final List<ListenerEndpoint> pending = new ArrayList<>();

	private final Set<String> ids = new HashSet<>();

	private ConfigurableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Map<Method, ZmqListener> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ZmqListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ZmqListener.class));
		annotated.forEach((method, listener) -> this.pending
			.add(endpoint(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), listener)));
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ZmqListenerEndpointRegistry registry = this.beanFactory.getBean(ZmqListenerEndpointRegistry.class);
		this.pending.forEach(registry::register);
		this.pending.clear();
	}

	private ListenerEndpoint endpoint(Object bean, Method method, ZmqListener listener) {
		String where = "@ZmqListener " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
		String socket = resolve(listener.socket());
		if (socket.isEmpty()) {
			throw new IllegalStateException(where + " names no socket; write @ZmqListener(\"<socket name>\")");
		}
		String id = resolve(listener.id());
		if (id.isEmpty()) {
			id = socket;
			for (int n = 2; this.ids.contains(id); n++) {
				id = socket + "-" + n;
			}
		}
		this.ids.add(id);
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
		String sendToSocket = null;
		if (sendTo != null) {
			if (sendTo.value().length != 1) {
				throw new IllegalStateException(where + ": @SendTo needs exactly one socket name");
			}
			sendToSocket = resolve(sendTo.value()[0]);
		}
		String concurrency = resolve(listener.concurrency());
		String autoStartup = resolve(listener.autoStartup());
		String errorHandler = resolve(listener.errorHandler());
		return new ListenerEndpoint(id, socket, concurrency.isEmpty() ? 1 : parseConcurrency(where, concurrency),
				autoStartup.isEmpty() || Boolean.parseBoolean(autoStartup), errorHandler.isEmpty() ? null : errorHandler,
				sendToSocket, bean, method);
	}

	private static int parseConcurrency(String where, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(where + ": concurrency '" + value + "' is not a number");
		}
	}

	private String resolve(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved.trim() : "";
	}

}
