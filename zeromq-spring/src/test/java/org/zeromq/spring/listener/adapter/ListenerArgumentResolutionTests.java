package org.zeromq.spring.listener.adapter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.annotation.ZmqListenerConfigurer;
import org.zeromq.spring.config.DefaultZmqListenerContainerFactory;
import org.zeromq.spring.config.ZmqListenerEndpointRegistry;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.listener.ErrorReply;
import org.zeromq.spring.listener.InboundMessage;
import org.zeromq.spring.listener.ListenerConfigurationException;
import org.zeromq.spring.listener.ListenerSocketSettings;
import org.zeromq.spring.test.PeerSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.PeerFrames.receive;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PlainZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.PlainZmqApplication.endpoint;
import static org.zeromq.spring.test.PlainZmqApplication.run;

/**
 * Listener arguments through spring-messaging's resolvers and the ZeroMQ ones: generic payloads
 * typed by the parameter, ZeroMQ headers as text or bytes, the payload frame as a ByteBuffer,
 * empty frames, {@code @Valid} payloads checked by the application's Validator, and resolvers an
 * application adds through a {@link ZmqListenerConfigurer}.
 */
class ListenerArgumentResolutionTests {

	private static final List<SocketSpec> SOCKETS = List.of(SocketSpec.bind("orders", ZmqSocketType.REP, ANY_TCP),
			SocketSpec.bind("trades", ZmqSocketType.REP, ANY_TCP), SocketSpec.bind("routed", ZmqSocketType.ROUTER, ANY_TCP),
			SocketSpec.bind("buffer", ZmqSocketType.REP, ANY_TCP), SocketSpec.bind("valid", ZmqSocketType.REP, ANY_TCP),
			SocketSpec.bind("custom", ZmqSocketType.REP, ANY_TCP));

	@Test
	void genericPayloadsArriveTypedByTheParameter() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, Handlers.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket orders = peers.connect(SocketType.REQ, endpoint(context, "orders"));
			assertThat(request(orders, "[{\"item\":\"apple\",\"quantity\":3},{\"item\":\"pear\",\"quantity\":2}]"))
				.containsExactly("Order:apple Order:pear total 5");
			ZMQ.Socket trades = peers.connect(SocketType.REQ, endpoint(context, "trades"));
			assertThat(request(trades, "{\"b\":{\"price\":2.5},\"a\":{\"price\":1.5}}")).containsExactly("a=Trade:1.5 b=Trade:2.5");
		}
	}

	@Test
	void zeroMqHeadersAreAvailableAsTextAndAsBytes() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, Handlers.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket dealer = peers.connect(SocketType.DEALER, endpoint(context, "routed"), "ida");
			assertThat(request(dealer, "", "hi")).containsExactly("", "ida/3 bytes/routed/hi");
		}
	}

	@Test
	void byteBufferWrapsThePayloadFrameAndAnEmptyFrameIsAPayload() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, Handlers.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "buffer"));
			assertThat(request(client, "abcd")).containsExactly("4 bytes");
			send(client, List.of(new byte[0]));
			assertThat(receive(client)).extracting((frame) -> new String(frame, StandardCharsets.UTF_8))
				.containsExactly("0 bytes");
		}
	}

	@Test
	void validPayloadIsCheckedByTheValidatorBeanAndAnInvalidOneFailsAlone() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, Handlers.class, ValidatorConfig.class,
				DetailedErrorReplies.class); PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "valid"));
			assertThat(request(client, "{\"item\":\"apple\",\"quantity\":0}").get(0)).startsWith("ERROR: ")
				.contains("quantity");
			assertThat(request(client, "{\"item\":\"apple\",\"quantity\":4}")).containsExactly("valid 4 x apple");
			assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer("valid").failedCount()).isOne();
		}
	}

	@Test
	void withoutAValidatorBeanValidPayloadsAreNotChecked() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, Handlers.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "valid"));
			assertThat(request(client, "{\"item\":\"apple\",\"quantity\":0}")).containsExactly("valid 0 x apple");
		}
	}

	@Test
	void parameterOfAnUnknownTypeNextToThePayloadFailsStartupWithoutItsResolver() {
		assertThatExceptionOfType(ListenerConfigurationException.class)
			.isThrownBy(() -> run(SOCKETS, OriginHandler.class).close())
			.withMessageContaining("OriginHandler.custom has 2 payload parameters");
	}

	@Test
	void resolverAddedByAConfigurerFillsParametersOfTheApplicationsOwnType() {
		try (AnnotationConfigApplicationContext context = run(SOCKETS, OriginHandler.class, ResolverConfig.class);
				PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "custom"));
			assertThat(request(client, "ping")).containsExactly("ping from custom (2 frames seen by the resolver: 1)");
		}
	}

	record Order(String item, int quantity) {
	}

	record Trade(double price) {
	}

	/** An application type no ZeroMQ resolver knows. */
	record Origin(String socket, int frames) {
	}

	static class Handlers {

		@ZmqListener("orders")
		String orders(List<Order> orders) {
			StringBuilder description = new StringBuilder();
			int total = 0;
			for (Order order : orders) {
				description.append(order.getClass().getSimpleName()).append(':').append(order.item()).append(' ');
				total += order.quantity();
			}
			return description + "total " + total;
		}

		@ZmqListener("trades")
		String trades(Map<String, Trade> trades) {
			StringBuilder description = new StringBuilder();
			new TreeMap<>(trades).forEach((name, trade) -> description.append(description.isEmpty() ? "" : " ")
				.append(name).append('=').append(trade.getClass().getSimpleName()).append(':').append(trade.price()));
			return description.toString();
		}

		@ZmqListener("routed")
		String routed(@Header(ZmqHeaders.IDENTITY) String identity, @Header(ZmqHeaders.IDENTITY) byte[] identityBytes,
				@Header(ZmqHeaders.SOCKET) String socket, String payload) {
			return identity + "/" + identityBytes.length + " bytes/" + socket + "/" + payload;
		}

		@ZmqListener("buffer")
		String buffer(ByteBuffer payload) {
			return payload.remaining() + " bytes";
		}

		@ZmqListener("valid")
		String valid(@Valid Order order) {
			return "valid " + order.quantity() + " x " + order.item();
		}

	}

	static class OriginHandler {

		@ZmqListener("custom")
		String custom(Origin origin, String payload) {
			return payload + " from " + origin.socket() + " (2 frames seen by the resolver: " + origin.frames() + ")";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DetailedErrorReplies {

		// The reason goes back to the client only when the socket says so (ErrorReply.MESSAGE).
		@Bean
		DefaultZmqListenerContainerFactory zmqListenerContainerFactory(ZmqSocketRegistry sockets) {
			DefaultZmqListenerContainerFactory factory = new DefaultZmqListenerContainerFactory(sockets,
					PayloadConverter.withDefaults());
			factory.setSocketSettings((socket) -> new ListenerSocketSettings(ErrorReply.MESSAGE, null));
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ValidatorConfig {

		@Bean
		Validator orderValidator() {
			return new Validator() {

				@Override
				public boolean supports(Class<?> type) {
					return type == Order.class;
				}

				@Override
				public void validate(Object target, Errors errors) {
					if (((Order) target).quantity() < 1) {
						errors.rejectValue("quantity", "min", "quantity must be at least 1");
					}
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ResolverConfig {

		@Bean
		ZmqListenerConfigurer originResolver() {
			return (registrar) -> registrar.setCustomArgumentResolvers(List.of(new HandlerMethodArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == Origin.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, Message<?> message) {
					return new Origin((String) message.getHeaders().get(ZmqHeaders.SOCKET),
							((InboundMessage) message).content().size());
				}

			}));
		}

	}

}
