package org.zeromq.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.support.GenericMessage;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.PayloadConverter;
import org.zeromq.spring.core.SocketConfigurer;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketFactory;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every bean of the auto-configuration, and what happens when the user brings their own. */
class ZmqAutoConfigurationTests {

	private static final Weather WEATHER = new Weather("10001", 21);

	private static final String WEATHER_JSON = "{\"zipCode\":\"10001\",\"temperature\":21}";

	@Test
	void providesTheContextTheSocketsTheTemplateAndTheConverter() {
		ZmqApplication.runner().run((context) -> {
			assertThat(context).hasSingleBean(ZContext.class)
				.hasSingleBean(ZmqSocketFactory.class)
				.hasSingleBean(ZmqSocketRegistry.class)
				.hasSingleBean(ZmqOperations.class)
				.hasSingleBean(PayloadConverter.class);
			assertThat(context.getBean(ZmqOperations.class)).isInstanceOf(ZmqTemplate.class);
			assertThat(ZmqApplication.registry(context).factory().context()).isSameAs(context.getBean(ZContext.class));
		});
	}

	@Test
	void userContextReplacesOursAndCarriesTheDeclaredSockets() {
		ZmqApplication.runner()
			.withUserConfiguration(UserContext.class)
			.withPropertyValues(ZmqApplication.socket("in", "type=PULL", "bind=inproc://users-context", ZmqApplication.RECEIVE_TIMEOUT))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZContext.class).hasBean("userContext").doesNotHaveBean("zmqContext");
				ZContext userContext = context.getBean("userContext", ZContext.class);
				assertThat(ZmqApplication.registry(context).factory().context()).isSameAs(userContext);
				// inproc only reaches sockets of the same context
				try (PeerSockets peers = PeerSockets.on(userContext)) {
					peers.connect(SocketType.PUSH, "inproc://users-context").send("same context");
					assertThat(ZmqApplication.receive(context, "in")).isEqualTo("same context");
				}
			});
	}

	@Test
	void userSocketFactoryReplacesOurs() {
		ZmqApplication.runner()
			.withUserConfiguration(UserSocketFactory.class)
			.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZmqSocketFactory.class).hasBean("userFactory");
				assertThat(ZmqApplication.registry(context).factory()).isSameAs(context.getBean("userFactory"));
				assertThat(ZmqApplication.registry(context).socket("out").execute(ZMQ.Socket::getLinger))
					.as("linger from the user's configurer").isEqualTo(123);
			});
	}

	@Test
	void userRegistryReplacesOursAndTheTemplateUsesIt() {
		ZmqApplication.runner()
			.withUserConfiguration(UserRegistry.class)
			.withPropertyValues(ZmqApplication.socket("declared", "type=PUB", "bind=tcp://127.0.0.1:*"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ZmqSocketRegistry.class).hasBean("userRegistry");
				ZmqSocketRegistry registry = ZmqApplication.registry(context);
				assertThat(registry.specs()).extracting(SocketSpec::name).containsExactly("mine");
				assertThat(registry.isDeclared("declared")).isFalse();
				assertThat(context.getBean(ZmqOperations.class).send("mine", "through the user's registry")).isTrue();
			});
	}

	@Test
	void userOperationsReplaceOurTemplate() {
		ZmqApplication.runner().withUserConfiguration(UserOperations.class).run((context) -> {
			assertThat(context).hasSingleBean(ZmqOperations.class).hasBean("userOperations").doesNotHaveBean("zmqTemplate");
		});
	}

	@Test
	void userPayloadConverterReplacesOursInTheTemplate() {
		ZmqApplication.runner().withUserConfiguration(UserPayloadConverter.class).run((context) -> {
			assertThat(context).hasSingleBean(PayloadConverter.class).hasBean("userPayloadConverter");
			assertThat(((ZmqTemplate) context.getBean(ZmqOperations.class)).converter())
				.isSameAs(context.getBean("userPayloadConverter"));
		});
	}

	@Test
	void withoutJeromqThereIsNoZeromqBeanAtAll() {
		ZmqApplication.runner()
			.withClassLoader(new FilteredClassLoader(ZContext.class))
			.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "bind=tcp://127.0.0.1:*"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(ZContext.class)
					.doesNotHaveBean(ZmqProperties.class)
					.doesNotHaveBean(ZmqSocketRegistry.class)
					.doesNotHaveBean(ZmqOperations.class)
					.doesNotHaveBean(PayloadConverter.class);
				assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType))
					.noneMatch((type) -> type != null && type.getName().startsWith("org.zeromq"));
			});
	}

	@Test
	void withoutJacksonBytesAndTextStillConvert() {
		ZmqApplication.runner().withClassLoader(new FilteredClassLoader(JsonMapper.class)).run((context) -> {
			assertThat(context).hasSingleBean(PayloadConverter.class);
			PayloadConverter converter = context.getBean(PayloadConverter.class);
			byte[] bytes = { 0, 1, (byte) 0xff };
			assertThat(converter.toFrame(bytes)).isEqualTo(bytes);
			assertThat(converter.toFrame("héllo")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
			assertThat(converter.fromFrame("héllo".getBytes(StandardCharsets.UTF_8), String.class)).isEqualTo("héllo");
			assertThat(converter.fromFrame(bytes, byte[].class)).isEqualTo(bytes);
			assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.toFrame(WEATHER))
				.withMessageContaining("add Jackson to the classpath");
		});
	}

	@Test
	void withJacksonAnObjectTravelsAsJsonAndComesBack() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.bind(SocketType.PULL);
			ZmqApplication.runner()
				.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "connect=" + peer.getLastEndpoint()))
				.run((context) -> {
					context.getBean(ZmqOperations.class).send("out", WEATHER);
					byte[] frame = peer.recv();
					assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo(WEATHER_JSON);
					assertThat(context.getBean(PayloadConverter.class).fromFrame(frame, Weather.class)).isEqualTo(WEATHER);
				});
		}
	}

	@Test
	void withJacksonAutoConfigurationBootsJsonMapperIsUsed() {
		ZmqApplication.runnerWithJackson()
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> {
				byte[] frame = context.getBean(PayloadConverter.class).toFrame(WEATHER);
				assertThat(new String(frame, StandardCharsets.UTF_8)).contains("\"zip_code\":\"10001\"");
				assertThat(context.getBean(PayloadConverter.class).fromFrame(frame, Weather.class)).isEqualTo(WEATHER);
			});
	}

	@Test
	void aMessageConverterQualifiedForZeroMqReplacesTheDefaultConversion() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket peer = peers.bind(SocketType.PULL);
			ZmqApplication.runner()
				.withUserConfiguration(QualifiedMessageConverter.class)
				.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "connect=" + peer.getLastEndpoint()))
				.run((context) -> {
					PayloadConverter converter = context.getBean(PayloadConverter.class);
					assertThat(converter.messageConverter()).isSameAs(context.getBean(MessageConverter.class));
					context.getBean(ZmqOperations.class).send("out", WEATHER);
					byte[] frame = peer.recv();
					assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("10001;21");
					assertThat(converter.fromFrame(frame, Weather.class)).isEqualTo(WEATHER);
				});
		}
	}

	@Test
	void aMessageConverterBeanNamedZmqMessageConverterReplacesTheDefaultConversion() {
		ZmqApplication.runner()
			.withBean(PayloadConverter.MESSAGE_CONVERTER_QUALIFIER, MessageConverter.class, WeatherLineConverter::new)
			.run((context) -> assertThat(jsonOf(context)).isEqualTo("10001;21"));
	}

	@Test
	void aForeignMessageConverterBeanLeavesTheDefaultConversionInPlace() {
		// Any library may register a MessageConverter for its own purposes; it is not ZeroMQ's.
		ZmqApplication.runner()
			.withUserConfiguration(UserMessageConverter.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MessageConverter.class);
				assertThat(jsonOf(context)).isEqualTo(WEATHER_JSON);
				assertThat(context.getBean(PayloadConverter.class).messageConverter())
					.isNotSameAs(context.getBean(MessageConverter.class));
			});
	}

	@Test
	void twoUserMessageConvertersLeaveTheDefaultConversionInPlace() {
		ZmqApplication.runner()
			.withUserConfiguration(UserMessageConverter.class)
			.withBean("anotherConverter", MessageConverter.class, WeatherLineConverter::new)
			.run((context) -> assertThat(jsonOf(context)).isEqualTo(WEATHER_JSON));
	}

	private static String jsonOf(AssertableApplicationContext context) {
		return new String(context.getBean(PayloadConverter.class).toFrame(WEATHER), StandardCharsets.UTF_8);
	}

	record Weather(String zipCode, int temperature) {
	}

	/** Writes a {@link Weather} as {@code zip;temperature}, a format no default converter produces. */
	static final class WeatherLineConverter implements MessageConverter {

		@Override
		public Object fromMessage(Message<?> message, Class<?> targetClass) {
			if (targetClass != Weather.class) {
				return null;
			}
			String[] parts = new String((byte[]) message.getPayload(), StandardCharsets.UTF_8).split(";");
			return new Weather(parts[0], Integer.parseInt(parts[1]));
		}

		@Override
		public Message<?> toMessage(Object payload, MessageHeaders headers) {
			if (!(payload instanceof Weather weather)) {
				return null;
			}
			return new GenericMessage<>((weather.zipCode() + ";" + weather.temperature()).getBytes(StandardCharsets.UTF_8));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserContext {

		@Bean
		ZContext userContext() {
			return new ZContext(1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSocketFactory {

		@Bean
		ZmqSocketFactory userFactory(ZContext context) {
			return new ZmqSocketFactory(context, new SocketConfigurer(Duration.ofMillis(123)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistry {

		@Bean(initMethod = "open", destroyMethod = "close")
		ZmqSocketRegistry userRegistry(ZmqSocketFactory factory) {
			return new ZmqSocketRegistry(factory, List.of(SocketSpec.bind("mine", ZmqSocketType.PUB, "inproc://mine")));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperations {

		@Bean(destroyMethod = "close")
		ZmqTemplate userOperations(ZmqSocketRegistry registry, PayloadConverter converter) {
			return new ZmqTemplate(registry, converter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPayloadConverter {

		@Bean
		PayloadConverter userPayloadConverter() {
			return new PayloadConverter(new WeatherLineConverter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedMessageConverter {

		@Bean
		@Qualifier(PayloadConverter.MESSAGE_CONVERTER_QUALIFIER)
		MessageConverter weatherLineConverter() {
			return new WeatherLineConverter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMessageConverter {

		@Bean
		MessageConverter weatherLineConverter() {
			return new WeatherLineConverter();
		}

	}

}
