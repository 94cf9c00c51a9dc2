package org.zeromq.spring.template;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.converter.MessageConversionException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * How payloads become frames and frames become replies, checked byte for byte at a raw peer:
 * {@code byte[]} as is, {@code String} as UTF-8, anything else as JSON through Boot's
 * {@code JsonMapper} (so {@code spring.jackson.*} settings apply).
 */
class ZmqTemplatePayloadConversionTests {

	private static final Duration REPLY_TIMEOUT = PeerSockets.TIMEOUT;

	@AutoClose
	private final PeerSockets peers = new PeerSockets();

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@Test
	void bytesTravelAsTheyAre() {
		byte[] bytes = { 0, -1, 127, -128, 10 };
		assertThat(sentFrames((template) -> template.send("out", bytes))).singleElement().isEqualTo(bytes);
	}

	@Test
	void stringsTravelAsUtf8() {
		assertThat(sentFrames((template) -> template.send("out", "Grüße ✓ 東京")))
			.singleElement()
			.isEqualTo("Grüße ✓ 東京".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void objectsTravelAsJsonWrittenByBootsJsonMapper() {
		List<byte[]> frames = sentFrames((template) -> template.send("out", new Weather("10001", 21)),
				"spring.jackson.property-naming-strategy=SNAKE_CASE");
		assertThat(new String(frames.get(0), StandardCharsets.UTF_8))
			.isEqualTo("{\"zip_code\":\"10001\",\"temperature_celsius\":21}");
	}

	@Test
	void topicAndMultipartFramesAreConvertedOneByOne() {
		List<List<byte[]>> messages = sentMessages(2, (template) -> {
			template.send("out", "weather", new Weather("10001", 21));
			template.sendMultipart("out", List.of(new byte[] { 1 }, "two", new Weather("10002", -3)));
		});
		assertThat(PeerFrames.text(messages.get(0))).containsExactly("weather",
				"{\"zipCode\":\"10001\",\"temperatureCelsius\":21}");
		List<byte[]> multipart = messages.get(1);
		assertThat(multipart.get(0)).containsExactly(1);
		assertThat(PeerFrames.text(multipart.subList(1, 3))).containsExactly("two",
				"{\"zipCode\":\"10002\",\"temperatureCelsius\":-3}");
	}

	@Test
	void objectThatCannotBeWrittenFailsAloneWithAConversionError() {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		this.runner.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.getLastEndpoint()))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThatExceptionOfType(MessageConversionException.class)
					.isThrownBy(() -> template.send("out", new Unwritable()))
					.withMessageContaining(Unwritable.class.getName());
				template.send("out", new Weather("10001", 21));
				assertThat(PeerFrames.text(PeerFrames.receive(pull)))
					.containsExactly("{\"zipCode\":\"10001\",\"temperatureCelsius\":21}");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "REQ", "DEALER" })
	void jsonReplyIsReadAsTheRequestedType(String type) throws Exception {
		assertThat(requestWeather(type, "{\"zip_code\":\"10001\",\"temperature_celsius\":21}"))
			.isEqualTo(new Weather("10001", 21));
	}

	@ParameterizedTest
	@ValueSource(strings = { "REQ", "DEALER" })
	void replyThatIsNotJsonFailsWithAConversionError(String type) {
		assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> requestWeather(type, "not json"))
			.withMessageContaining("Could not read JSON");
	}

	/** Requests on a {@code type} socket from a raw REP server that replies {@code reply}. */
	private Weather requestWeather(String type, String reply) throws Exception {
		AtomicReference<Weather> weather = new AtomicReference<>();
		try (PeerThread server = PeerThread.start(this.peers.context(), SocketType.REP, Responder.answeringWith(reply))) {
			this.runner.withPropertyValues(socket("client", "type=" + type, "connect=" + server.endpoint()))
				.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
				.run((context) -> weather
					.set(context.getBean(ZmqTemplate.class).request("client", "10001", REPLY_TIMEOUT, Weather.class)));
		}
		return weather.get();
	}

	/** The frames of the one message {@code sends} sent on a PUSH socket, as a raw PULL got them. */
	private List<byte[]> sentFrames(TemplateAction sends, String... properties) {
		return sentMessages(1, sends, properties).get(0);
	}

	private List<List<byte[]>> sentMessages(int count, TemplateAction sends, String... properties) {
		ZMQ.Socket pull = this.peers.bind(SocketType.PULL);
		List<List<byte[]>> received = new ArrayList<>(count);
		this.runner
			.withPropertyValues(properties)
			.withPropertyValues(socket("out", "type=PUSH", "connect=" + pull.getLastEndpoint()))
			.run((context) -> {
				sends.run(context.getBean(ZmqTemplate.class));
				for (int i = 0; i < count; i++) {
					received.add(PeerFrames.receive(pull));
				}
			});
		return received;
	}

	record Weather(String zipCode, int temperatureCelsius) {
	}

	/** A bean whose property Jackson cannot read, so writing it fails. */
	static class Unwritable {

		public String getBroken() {
			throw new IllegalStateException("broken getter");
		}

	}

	@FunctionalInterface
	private interface TemplateAction {

		void run(ZmqTemplate template);

	}

}
