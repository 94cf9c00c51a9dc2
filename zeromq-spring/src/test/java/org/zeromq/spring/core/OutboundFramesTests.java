package org.zeromq.spring.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The frames a sent value becomes, envelope included, without a socket. */
class OutboundFramesTests {

	private static final byte[] IDENTITY = { 0, 42, (byte) 0x80, 7 };

	private final OutboundFrames outbound = new OutboundFrames(PayloadConverter.withDefaults());

	@Test
	void aPlainPayloadIsOneFrame() {
		assertThat(texts(this.outbound.of("hello"))).containsExactly("hello");
		assertThat(texts(this.outbound.of(new Reading("north", 12)))).containsExactly("{\"station\":\"north\",\"value\":12}");
	}

	@Test
	void aMessageWithAnIdentityGetsARouterEnvelopeOfIdentityAndDelimiter() {
		Message<String> reply = MessageBuilder.withPayload("done").setHeader(ZmqHeaders.IDENTITY, IDENTITY).build();
		List<byte[]> frames = this.outbound.of(reply);
		assertThat(frames).hasSize(3);
		assertThat(frames.get(0)).as("the identity, as is").isEqualTo(IDENTITY);
		assertThat(frames.get(1)).as("the delimiter").isEmpty();
		assertThat(frames.get(2)).isEqualTo(bytes("done"));
	}

	@Test
	void aMessageWithATopicLeadsWithTheTopicFrame() {
		Message<Reading> update = MessageBuilder.withPayload(new Reading("north", 12)).setHeader(ZmqHeaders.TOPIC, "weather.north")
			.build();
		assertThat(texts(this.outbound.of(update))).containsExactly("weather.north", "{\"station\":\"north\",\"value\":12}");
	}

	@Test
	void anIdentityEnvelopeComesBeforeTheTopicFrame() {
		Message<String> message = MessageBuilder.withPayload("body")
			.setHeader(ZmqHeaders.IDENTITY, "peer-1")
			.setHeader(ZmqHeaders.TOPIC, "t")
			.build();
		assertThat(texts(this.outbound.of(message))).containsExactly("peer-1", "", "t", "body");
	}

	@Test
	void aMessageWithoutZeroMqHeadersIsJustItsPayloadWhateverSpringHeadersItCarries() {
		Message<String> message = MessageBuilder.withPayload("body").setHeader("trace", "abc").build();
		assertThat(message.getHeaders().getId()).as("Spring's own id header").isNotNull();
		assertThat(texts(this.outbound.of(message))).containsExactly("body");
	}

	@Test
	void aMessageWhosePayloadIsAListSendsTheEnvelopeThenOneFramePerPart() {
		Message<List<Object>> message = MessageBuilder.<List<Object>>withPayload(List.of("a", bytes("b"), new Reading("c", 1)))
			.setHeader(ZmqHeaders.TOPIC, "t")
			.build();
		assertThat(texts(this.outbound.of(message))).containsExactly("t", "a", "b", "{\"station\":\"c\",\"value\":1}");
	}

	@Test
	void aZMsgSendsEachOfItsFramesAsTheyAre() {
		ZMsg zmsg = new ZMsg();
		zmsg.add(IDENTITY);
		zmsg.add(new byte[0]);
		zmsg.add("payload");
		List<byte[]> frames = this.outbound.of(zmsg);
		assertThat(frames).hasSize(3);
		assertThat(frames.get(0)).isEqualTo(IDENTITY);
		assertThat(frames.get(1)).isEmpty();
		assertThat(frames.get(2)).isEqualTo(bytes("payload"));
	}

	@Test
	void aListSendsOneFramePerPartEachConvertedOnItsOwn() {
		assertThat(texts(this.outbound.of(List.of("text", bytes("raw"), new Reading("s", 2)))))
			.containsExactly("text", "raw", "{\"station\":\"s\",\"value\":2}");
		assertThat(texts(this.outbound.ofParts(List.of("one", "two")))).containsExactly("one", "two");
	}

	@Test
	void anEmptyByteArrayPartIsAnEmptyFrame() {
		assertThat(texts(this.outbound.of(List.of(new byte[0], "after")))).containsExactly("", "after");
	}

	@Test
	void aNullPartFailsTheWholeMessage() {
		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> this.outbound.of(Arrays.asList("first", null, "third")))
			.withMessageContaining("null payload cannot be sent");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> texts(List<byte[]> frames) {
		return frames.stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

	record Reading(String station, int value) {
	}

}
