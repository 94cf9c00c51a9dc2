package org.zeromq.spring.listener.adapter;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.support.HeaderMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.HeadersMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.validation.Validator;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerEndpoint;

/**
 * Builds the {@link InvocableHandlerMethod} of each listener method from spring-messaging's
 * argument resolvers and the ZeroMQ ones, in this order: ZeroMQ headers, {@code @Header},
 * {@code @Headers}, {@code Message<T>}, frames ({@code List<byte[]>}, {@code ZMsg},
 * {@code ByteBuffer}), the application's own resolvers, and the payload (converted with the
 * parameter as hint, validated when a {@link Validator} is given).
 * <p>
 * Which resolver fills which parameter is worked out once, when the listener registers: a
 * message then costs each parameter's resolution and one reflective call, and a parameter that
 * no message could fill fails startup instead.
 */
public final class ZmqMessageHandlerMethodFactory implements MessageHandlerMethodFactory {

	private final HandlerMethodArgumentResolverComposite resolvers = new HandlerMethodArgumentResolverComposite();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	/**
	 * @param converter reads payload frames
	 * @param validator validates {@code @Valid} and {@code @Validated} payloads, or {@code null}
	 * @param customResolvers the application's own resolvers, consulted before the payload's
	 * @param beanFactory resolves placeholders in {@code @Header} defaults, or {@code null}
	 */
	public ZmqMessageHandlerMethodFactory(PayloadConverter converter, @Nullable Validator validator,
			List<HandlerMethodArgumentResolver> customResolvers, @Nullable ConfigurableBeanFactory beanFactory) {
		SmartMessageConverter frames = new FrameMessageConverter(converter);
		List<HandlerMethodArgumentResolver> all = new ArrayList<>();
		all.add(new ZmqHeaderArgumentResolver());
		all.add(new HeaderMethodArgumentResolver(new DefaultFormattingConversionService(), beanFactory));
		all.add(new HeadersMethodArgumentResolver());
		all.add(new MessageMethodArgumentResolver(frames));
		all.add(new FramesArgumentResolver());
		all.addAll(customResolvers);
		all.add(new ZmqPayloadArgumentResolver(converter, frames, validator));
		this.resolvers.addResolvers(all);
	}

	@Override
	public InvocableHandlerMethod createInvocableHandlerMethod(Object bean, Method method) {
		return new ResolvedHandlerMethod(bean, method, this.resolvers, this.parameterNames);
	}

	/**
	 * The handler method of a listener, after checking that every parameter can be filled from
	 * a ZeroMQ message.
	 * @throws ListenerConfigurationException naming the parameter and what to write instead
	 */
	public InvocableHandlerMethod createHandlerMethod(ListenerEndpoint endpoint) {
		ResolvedHandlerMethod handler = new ResolvedHandlerMethod(endpoint.bean(), endpoint.handlerMethod(), this.resolvers,
				this.parameterNames);
		check(endpoint, handler);
		return handler;
	}

	private static void check(ListenerEndpoint endpoint, ResolvedHandlerMethod handler) {
		int payloads = 0;
		MethodParameter[] parameters = handler.getMethodParameters();
		for (int i = 0; i < parameters.length; i++) {
			MethodParameter parameter = parameters[i];
			HandlerMethodArgumentResolver resolver = handler.kinds[i];
			Header header = parameter.getParameterAnnotation(Header.class);
			if (header != null) {
				checkHeader(endpoint, parameter, header);
			}
			if (parameter.hasParameterAnnotation(Headers.class) && !Map.class.isAssignableFrom(parameter.getParameterType())) {
				throw refuse(endpoint, parameter, "@Headers needs a Map parameter", "declare it as Map<String, Object>");
			}
			boolean payload = resolver instanceof ZmqPayloadArgumentResolver || resolver instanceof MessageMethodArgumentResolver
					|| (resolver instanceof FramesArgumentResolver && parameter.getParameterType() == ByteBuffer.class);
			if (payload) {
				payloads++;
			}
			if (resolver instanceof ZmqPayloadArgumentResolver && parameter.getParameterType().isPrimitive()) {
				throw refuse(endpoint, parameter, "primitive parameters cannot hold a payload", "use the boxed type");
			}
		}
		if (payloads > 1) {
			throw new ListenerConfigurationException(endpoint.describe(), endpoint.socket(),
					endpoint.methodName() + " has " + payloads + " payload parameters",
					"a message has one payload (use @Header for the topic or identity, List<byte[]> for all frames)");
		}
	}

	private static void checkHeader(ListenerEndpoint endpoint, MethodParameter parameter, Header header) {
		String name = ZmqHeaderArgumentResolver.name(header, parameter);
		if (!ZmqHeaderArgumentResolver.NAMES.contains(name)) {
			throw refuse(endpoint, parameter, "unknown header '" + name + "'; ZeroMQ messages have "
					+ ZmqHeaderArgumentResolver.NAMES + " (no other header travels on the wire)",
					"use one of those headers, or carry the value in the payload");
		}
		Class<?> type = parameter.getParameterType();
		if (type != String.class && type != byte[].class && type != Object.class) {
			throw refuse(endpoint, parameter, "header " + name + " is available as String or byte[]",
					"declare the parameter as String or byte[]");
		}
	}

	private static ListenerConfigurationException refuse(ListenerEndpoint endpoint, MethodParameter parameter,
			String problem, String action) {
		return new ListenerConfigurationException(endpoint.describe(), endpoint.socket(), endpoint.methodName()
				+ " parameter " + parameter.getParameterIndex() + " (" + parameter.getParameterType().getSimpleName() + "): "
				+ problem, action);
	}

	/**
	 * spring-messaging's handler method with each parameter's resolver found once, at creation:
	 * the composite would look it up in a map twice per parameter and message.
	 */
	private static final class ResolvedHandlerMethod extends InvocableHandlerMethod {

		private final HandlerMethodArgumentResolver[] resolvers;

		// The resolvers as found, before binding: what the startup checks look at.
		private final HandlerMethodArgumentResolver[] kinds;

		ResolvedHandlerMethod(Object bean, Method method, HandlerMethodArgumentResolverComposite composite,
				ParameterNameDiscoverer parameterNames) {
			super(bean, method);
			// Spring makes only non-public methods accessible; a public one is then access-checked
			// by Method.invoke on every message (a caller-class lookup, seen in listener profiles).
			// Where the module system allows it, the check is settled once, here.
			getBridgedMethod().trySetAccessible();
			setMessageMethodArgumentResolvers(composite);
			setParameterNameDiscoverer(parameterNames);
			MethodParameter[] parameters = getMethodParameters();
			this.resolvers = new HandlerMethodArgumentResolver[parameters.length];
			this.kinds = new HandlerMethodArgumentResolver[parameters.length];
			for (int i = 0; i < parameters.length; i++) {
				parameters[i].initParameterNameDiscovery(parameterNames);
				HandlerMethodArgumentResolver resolver = resolverFor(parameters[i], composite);
				this.kinds[i] = resolver;
				this.resolvers[i] = (resolver instanceof BindableArgumentResolver bindable) ? bindable.bind(parameters[i])
						: resolver;
			}
		}

		private static HandlerMethodArgumentResolver resolverFor(MethodParameter parameter,
				HandlerMethodArgumentResolverComposite composite) {
			for (HandlerMethodArgumentResolver resolver : composite.getResolvers()) {
				if (resolver.supportsParameter(parameter)) {
					return resolver;
				}
			}
			// Cannot happen while the payload resolver takes any parameter; kept for custom lists.
			throw new IllegalStateException("No argument resolver for " + parameter);
		}

		// Spring's invoke() also asks the logger, per message, whether to trace the arguments.
		@Override
		public @Nullable Object invoke(Message<?> message, @Nullable Object... providedArgs) throws Exception {
			return doInvoke(getMethodArgumentValues(message, providedArgs));
		}

		@Override
		protected @Nullable Object[] getMethodArgumentValues(Message<?> message, @Nullable Object... providedArgs)
				throws Exception {
			if (providedArgs.length > 0) {
				return super.getMethodArgumentValues(message, providedArgs);
			}
			MethodParameter[] parameters = getMethodParameters();
			@Nullable Object[] args = new Object[parameters.length];
			for (int i = 0; i < args.length; i++) {
				args[i] = this.resolvers[i].resolveArgument(parameters[i], message);
			}
			return args;
		}

	}

}
