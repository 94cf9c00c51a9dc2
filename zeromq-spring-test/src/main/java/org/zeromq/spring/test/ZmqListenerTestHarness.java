package org.zeromq.spring.test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;
import org.zeromq.spring.annotation.ZmqBootstrapConfiguration;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.listener.ListenerEndpoint;
import org.zeromq.spring.listener.ZmqListenerContainer;

/**
 * The calls of the application's {@code @ZmqListener} methods, by listener id, for tests: in
 * the style of Spring AMQP's {@code RabbitListenerTestHarness}. Enabled by
 * {@link ZmqListenerTest @ZmqListenerTest}, it proxies every bean with listener methods before
 * the listener infrastructure registers them, records each call (arguments, result or
 * exception, thread) and hands them out with {@link #awaitInvocation}, {@link #latchFor} and,
 * with {@code spy = true}, a Mockito spy per listener ({@link #getSpy}).
 * <p>
 * Recording costs the listener thread one allocation and a queue offer per call, and nothing
 * else changes: the listener still runs on its own thread, its reply is still sent.
 */
public final class ZmqListenerTestHarness implements BeanPostProcessor, PriorityOrdered, BeanFactoryAware {

	/** Bean name of the harness that {@link ZmqListenerTest} registers. */
	public static final String BEAN_NAME = "org.zeromq.spring.test.zmqListenerTestHarness";

	private final boolean capture;

	private final boolean spy;

	// Listener bean as registered (the proxy) → its Mockito spy.
	private final Map<Object, Object> spies = Collections.synchronizedMap(new IdentityHashMap<>());

	private final Map<String, ListenerCalls> calls = new ConcurrentHashMap<>();

	// Set by setBeanFactory before any bean is processed.
	@SuppressWarnings("NullAway.Init")
	private BeanFactory beanFactory;

	public ZmqListenerTestHarness(boolean capture, boolean spy) {
		this.capture = capture;
		this.spy = spy;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	// Before the listener post-processor (lowest precedence), so that it registers the proxy.
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Set<Method> listenerMethods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<ZmqListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, ZmqListener.class))
			.keySet();
		if (listenerMethods.isEmpty() || (!this.capture && !this.spy)) {
			return bean;
		}
		CallRecorder recorder = new CallRecorder(listenerMethods);
		if (bean instanceof Advised advised) {
			if (this.spy) {
				throw new IllegalStateException("@ZmqListenerTest(spy = true) cannot spy on bean '" + beanName
						+ "', which is already an AOP proxy; spy on a plain listener bean, or use capture only");
			}
			advised.addAdvice(0, recorder);
			recorder.proxy = bean;
			return bean;
		}
		Object delegate = this.spy ? MockitoSpy.of(bean) : bean;
		ProxyFactory factory = new ProxyFactory(delegate);
		factory.setProxyTargetClass(true);
		if (this.capture) {
			factory.addAdvice(recorder);
		}
		try {
			Object proxy = factory.getProxy(targetClass.getClassLoader());
			recorder.proxy = proxy;
			if (this.spy) {
				this.spies.put(proxy, delegate);
			}
			return proxy;
		}
		catch (AopConfigException ex) {
			throw new IllegalStateException("@ZmqListenerTest cannot proxy bean '" + beanName + "' of "
					+ targetClass.getName() + " to record its listener calls; make the class and its listener "
					+ "methods non-final", ex);
		}
	}

	/**
	 * The next call of the listener not handed out yet, waiting up to {@code timeout} for it.
	 * @return the call, or {@code null} when none came in time
	 */
	public @Nullable InvocationData getNextInvocationDataFor(String listenerId, Duration timeout)
			throws InterruptedException {
		return callsOf(listenerId).next.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * The next call of the listener not handed out yet.
	 * @throws AssertionError when none comes within {@link PeerSockets#TIMEOUT}
	 */
	public InvocationData awaitInvocation(String listenerId) {
		try {
			InvocationData data = getNextInvocationDataFor(listenerId, PeerSockets.TIMEOUT);
			if (data == null) {
				throw new AssertionError("listener '" + listenerId + "' was not called within "
						+ PeerSockets.TIMEOUT.toSeconds() + " s");
			}
			return data;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for a call of listener '" + listenerId + "'", ex);
		}
	}

	/** Every call of the listener so far, oldest first, whether handed out or not. */
	public List<InvocationData> invocationsFor(String listenerId) {
		return List.copyOf(callsOf(listenerId).all);
	}

	/**
	 * A latch that counts down once per call of the listener that ends from now on (returning or
	 * throwing): {@code latchFor("orders", 3).await(…)} waits for three more calls.
	 */
	public CountDownLatch latchFor(String listenerId, int count) {
		CountDownLatch latch = new CountDownLatch(count);
		callsOf(listenerId).latches.add(latch);
		return latch;
	}

	/**
	 * The Mockito spy the listener's calls go through, for {@code verify(harness.getSpy("id"))…}.
	 * @throws IllegalStateException when the harness does not spy ({@code @ZmqListenerTest(spy = true)})
	 */
	@SuppressWarnings("unchecked")
	public <T> T getSpy(String listenerId) {
		if (!this.spy) {
			throw new IllegalStateException("The harness records calls but does not spy; enable it with "
					+ "@ZmqListenerTest(spy = true)");
		}
		Object spied = this.spies.get(endpoint(listenerId).bean());
		if (spied == null) {
			throw new IllegalStateException("listener '" + listenerId + "' is not on a bean the harness spies on");
		}
		return (T) spied;
	}

	private ListenerCalls callsOf(String listenerId) {
		endpoint(listenerId);
		return this.calls.computeIfAbsent(listenerId, (id) -> new ListenerCalls());
	}

	private ListenerEndpoint endpoint(String listenerId) {
		// Throws naming the listeners there are when there is none of that id.
		return registry().getListenerContainer(listenerId).endpoint();
	}

	private ZmqListenerEndpointRegistry registry() {
		return this.beanFactory.containsBean(ZmqBootstrapConfiguration.LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
				? this.beanFactory.getBean(ZmqBootstrapConfiguration.LISTENER_ENDPOINT_REGISTRY_BEAN_NAME,
						ZmqListenerEndpointRegistry.class)
				: this.beanFactory.getBean(ZmqListenerEndpointRegistry.class);
	}

	// The listener id of a call, from the endpoint registered for the bean and method; found
	// once per method, when it is first called (the endpoints exist by then).
	private String listenerId(Object proxy, Method method) {
		@Nullable String byMethod = null;
		for (ZmqListenerContainer container : registry().getListenerContainers()) {
			ListenerEndpoint endpoint = container.endpoint();
			if (method.equals(endpoint.method())) {
				if (endpoint.bean() == proxy) {
					return container.id();
				}
				byMethod = container.id();
			}
		}
		if (byMethod == null) {
			throw new IllegalStateException("No listener endpoint is registered for " + method);
		}
		return byMethod;
	}

	/** Registers the harness with the attributes of {@link ZmqListenerTest}. */
	static final class Registrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AnnotationAttributes attributes = AnnotationAttributes
				.fromMap(metadata.getAnnotationAttributes(ZmqListenerTest.class.getName()));
			boolean capture = (attributes == null) || attributes.getBoolean("capture");
			boolean spy = (attributes != null) && attributes.getBoolean("spy");
			RootBeanDefinition definition = new RootBeanDefinition(ZmqListenerTestHarness.class,
					() -> new ZmqListenerTestHarness(capture, spy));
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(BEAN_NAME, definition);
		}

	}

	// What one listener's calls left: for the next-call queue, the full list and the latches.
	private static final class ListenerCalls {

		private final BlockingQueue<InvocationData> next = new LinkedBlockingQueue<>();

		private final List<InvocationData> all = new CopyOnWriteArrayList<>();

		private final List<CountDownLatch> latches = new CopyOnWriteArrayList<>();

		void record(InvocationData data) {
			this.all.add(data);
			this.next.add(data);
			this.latches.forEach(CountDownLatch::countDown);
		}

	}

	private final class CallRecorder implements MethodInterceptor {

		private final Set<Method> listenerMethods;

		private final Map<Method, String> ids = new ConcurrentHashMap<>();

		// Set once the proxy exists, before any call can come through it.
		@SuppressWarnings("NullAway.Init")
		volatile Object proxy;

		CallRecorder(Set<Method> listenerMethods) {
			this.listenerMethods = listenerMethods;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			if (!this.listenerMethods.contains(method)) {
				return invocation.proceed();
			}
			// Copied (a handler may change its array), nulls kept: List.copyOf would refuse them.
			List<@Nullable Object> arguments = new ArrayList<>(invocation.getArguments().length);
			Collections.addAll(arguments, invocation.getArguments());
			arguments = Collections.unmodifiableList(arguments);
			@Nullable Object result;
			try {
				result = invocation.proceed();
			}
			catch (Throwable ex) {
				record(method, new InvocationData(id(method), arguments, null, ex, Thread.currentThread().getName()));
				throw ex;
			}
			record(method, new InvocationData(id(method), arguments, result, null, Thread.currentThread().getName()));
			return result;
		}

		private String id(Method method) {
			return this.ids.computeIfAbsent(method, (key) -> listenerId(this.proxy, key));
		}

		private void record(Method method, InvocationData data) {
			ZmqListenerTestHarness.this.calls.computeIfAbsent(id(method), (id) -> new ListenerCalls()).record(data);
		}

	}

}
