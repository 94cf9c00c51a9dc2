package org.zeromq.spring.integration;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.integration.support.MutableMessageHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.listener.InboundMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The headers the inbound adapters give their messages read, copy, compare and serialise as
 * Spring's own {@link MessageHeaders} with the same entries do.
 */
class EnvelopeHeadersTests {

	private static final byte[] IDENTITY = { 0, 1, 2 };

	@Test
	void aPullMessageHasAnIdATimestampAndTheSocket() {
		long before = System.currentTimeMillis();
		EnvelopeHeaders headers = received(null, null);
		assertThat(headers.getId()).isNotNull().isEqualTo(headers.getId()).isEqualTo(headers.get(MessageHeaders.ID));
		assertThat(headers.getTimestamp()).isBetween(before, System.currentTimeMillis());
		assertThat(headers).hasSize(3)
			.containsOnlyKeys(MessageHeaders.ID, MessageHeaders.TIMESTAMP, ZmqHeaders.SOCKET)
			.containsEntry(ZmqHeaders.SOCKET, "tasks")
			.containsEntry(MessageHeaders.ID, headers.getId())
			.containsEntry(MessageHeaders.TIMESTAMP, headers.getTimestamp());
		assertThat(headers.containsKey(MessageHeaders.ID)).isTrue();
		assertThat(headers.containsKey(ZmqHeaders.TOPIC)).isFalse();
		assertThat(headers.containsKey("station")).isFalse();
		assertThat(headers.get(ZmqHeaders.IDENTITY)).isNull();
		assertThat(headers.get(42)).isNull();
		assertThat(headers.getReplyChannel()).isNull();
		assertThat(headers.getErrorChannel()).isNull();
	}

	@Test
	void theEnvelopeAddsTheTopicAsTextAndTheIdentityAsBytes() {
		EnvelopeHeaders headers = received("weather", IDENTITY);
		assertThat(headers).hasSize(5).containsEntry(ZmqHeaders.TOPIC, "weather");
		assertThat(headers.get(ZmqHeaders.IDENTITY, byte[].class)).isEqualTo(IDENTITY);
		assertThat(headers.keySet()).containsExactly(MessageHeaders.ID, MessageHeaders.TIMESTAMP, ZmqHeaders.SOCKET,
				ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY);
		assertThat(headers.values()).hasSize(5).contains("tasks", "weather", IDENTITY, headers.getId());
		assertThat(headers.containsValue("weather")).isTrue();
		assertThat(headers.containsValue("sports")).isFalse();
	}

	@Test
	void eachMessageHasAnIdOfItsOwn() {
		assertThat(received(null, null).getId()).isNotEqualTo(received(null, null).getId());
	}

	@Test
	void aHeaderReadAsTheWrongTypeIsRefusedAsSpringRefusesIt() {
		EnvelopeHeaders headers = received("weather", null);
		assertThatIllegalArgumentException().isThrownBy(() -> headers.get(ZmqHeaders.TOPIC, Integer.class))
			.withMessageContaining("zmq_topic");
		assertThat(headers.get(MessageHeaders.TIMESTAMP, Long.class)).isEqualTo(headers.getTimestamp());
	}

	@Test
	void theyCannotBeChanged() {
		EnvelopeHeaders headers = received("weather", IDENTITY);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> headers.put("x", "y"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> headers.remove(ZmqHeaders.TOPIC));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(headers::clear);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.keySet().remove(ZmqHeaders.TOPIC));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> headers.values().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> headers.entrySet().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> headers.entrySet().iterator().next().setValue("z"));
		assertThat(headers).hasSize(5);
	}

	@Test
	void copiesKeepEveryEntry() {
		EnvelopeHeaders headers = received("weather", IDENTITY);
		Message<String> message = new GenericMessage<>("sunny", headers);
		Map<String, Object> entries = new HashMap<>(headers);
		assertThat(entries).hasSize(5).containsEntry(ZmqHeaders.TOPIC, "weather");
		// What Spring's accessor copies from headers it holds itself with the same entries
		Message<String> plain = new GenericMessage<>("sunny", new MutableMessageHeaders(entries));
		assertThat(new MessageHeaderAccessor(message).toMap()).hasSize(3)
			.isEqualTo(new MessageHeaderAccessor(plain).toMap());
		Message<String> changed = MessageBuilder.fromMessage(message).setHeader("station", "north").build();
		assertThat(changed.getHeaders()).containsEntry("station", "north")
			.containsEntry(ZmqHeaders.SOCKET, "tasks")
			.containsEntry(ZmqHeaders.TOPIC, "weather")
			.containsEntry(ZmqHeaders.IDENTITY, IDENTITY);
	}

	@Test
	void theyEqualHeadersWithTheSameEntriesAndHashAsAMapOfThem() {
		EnvelopeHeaders headers = received("weather", null);
		MutableMessageHeaders copy = new MutableMessageHeaders(new HashMap<>(headers));
		assertThat(copy.getId()).isEqualTo(headers.getId());
		assertThat(headers).isEqualTo(copy);
		assertThat(headers.hashCode()).isEqualTo(new HashMap<>(headers).hashCode()).isEqualTo(copy.hashCode());
		assertThat(headers).isNotEqualTo(received("weather", null)).isNotEqualTo(Map.copyOf(headers));
		assertThat(headers.toString()).contains("zmq_socket=tasks", "zmq_topic=weather", headers.getId().toString());
	}

	@Test
	void theyAndTheirMessagesSurviveJavaSerialization() throws Exception {
		EnvelopeHeaders headers = received("weather", IDENTITY);
		Message<?> message = roundTrip(new GenericMessage<>("sunny", headers));
		MessageHeaders read = message.getHeaders();
		assertThat(read.getId()).isEqualTo(headers.getId());
		assertThat(read.getTimestamp()).isEqualTo(headers.getTimestamp());
		assertThat(read).hasSize(5).containsEntry(ZmqHeaders.SOCKET, "tasks").containsEntry(ZmqHeaders.TOPIC, "weather");
		assertThat(read.get(ZmqHeaders.IDENTITY, byte[].class)).isEqualTo(IDENTITY);
		assertThat(message.getPayload()).isEqualTo("sunny");
	}

	private static EnvelopeHeaders received(@Nullable String topic, byte @Nullable [] identity) {
		List<byte[]> payload = List.of("sunny".getBytes(StandardCharsets.UTF_8));
		byte[] topicFrame = (topic != null) ? topic.getBytes(StandardCharsets.UTF_8) : null;
		return new EnvelopeHeaders(new InboundMessage("tasks", List.of(), payload, identity, topicFrame, payload));
	}

	private static Message<?> roundTrip(Message<?> message) throws IOException, ClassNotFoundException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(message);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (Message<?>) in.readObject();
		}
	}

}
