package org.zeromq.spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.MessageHeaders;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.core.ZmqSocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How received frames split into envelope and content for each socket type, without a socket. */
class FrameLayoutTests {

	private static final byte[] EMPTY = new byte[0];

	private static final byte[] IDENTITY = { 0, 1, 2, (byte) 0xFE };

	@Test
	void eachSocketTypeReadsItsFramesByTheGuidesEnvelopeRule() {
		assertThat(FrameLayout.of(ZmqSocketType.SUB)).isEqualTo(FrameLayout.TOPIC);
		assertThat(FrameLayout.of(ZmqSocketType.XSUB)).isEqualTo(FrameLayout.TOPIC);
		assertThat(FrameLayout.of(ZmqSocketType.ROUTER)).isEqualTo(FrameLayout.ROUTED);
		assertThat(FrameLayout.of(ZmqSocketType.DEALER)).isEqualTo(FrameLayout.DELIMITED);
		assertThat(FrameLayout.of(ZmqSocketType.REP)).isEqualTo(FrameLayout.PLAIN);
		assertThat(FrameLayout.of(ZmqSocketType.PULL)).isEqualTo(FrameLayout.PLAIN);
		assertThat(FrameLayout.of(ZmqSocketType.PAIR)).isEqualTo(FrameLayout.PLAIN);
	}

	@ParameterizedTest
	@EnumSource(value = ZmqSocketType.class, names = { "REP", "PULL", "PAIR" })
	void plainSocketsTakeEveryFrameAsContentWithoutEnvelope(ZmqSocketType type) {
		InboundMessage single = InboundMessage.of(type, "in", frames("only"));
		assertThat(single.envelope()).isEmpty();
		assertThat(single.identity()).isNull();
		assertThat(single.topic()).isNull();
		assertThat(single.hasSinglePayloadFrame()).isTrue();
		assertThat(single.getPayload()).isEqualTo(bytes("only"));

		InboundMessage multipart = InboundMessage.of(type, "in", frames("a", "", "c"));
		assertThat(texts(multipart.content())).containsExactly("a", "", "c");
		assertThat(texts(multipart.payload())).as("an empty frame is content here, not a delimiter")
			.containsExactly("a", "", "c");
		assertThat(multipart.hasSinglePayloadFrame()).isFalse();
		assertThat(multipart.getPayload()).isEqualTo(multipart.payload());
	}

	@Test
	void aSingleFramePubSubMessageIsAllPayloadWithoutTopic() {
		InboundMessage message = InboundMessage.of(ZmqSocketType.SUB, "updates", frames("weather.north 12"));
		assertThat(message.topic()).isNull();
		assertThat(texts(message.payload())).containsExactly("weather.north 12");
		assertThat(message.getHeaders()).doesNotContainKey(ZmqHeaders.TOPIC);
	}

	@ParameterizedTest
	@EnumSource(value = ZmqSocketType.class, names = { "SUB", "XSUB" })
	void aPubSubEnvelopeLeadsWithTheTopicFrameAndTheRestIsPayload(ZmqSocketType type) {
		InboundMessage message = InboundMessage.of(type, "updates", frames("weather", "north", "12"));
		assertThat(message.topic()).isEqualTo(bytes("weather"));
		assertThat(texts(message.payload())).containsExactly("north", "12");
		assertThat(texts(message.content())).as("the topic stays content: it is not routing").containsExactly("weather",
				"north", "12");
		assertThat(message.envelope()).isEmpty();
		assertThat(message.getHeaders()).containsEntry(ZmqHeaders.TOPIC, "weather");
	}

	@Test
	void aRouterMessageWithoutDelimiterHasTheIdentityAsItsWholeEnvelope() {
		InboundMessage message = InboundMessage.of(ZmqSocketType.ROUTER, "backend", frames(IDENTITY, bytes("job")));
		assertThat(message.identity()).isEqualTo(IDENTITY);
		assertThat(message.envelope()).containsExactly(IDENTITY);
		assertThat(texts(message.payload())).containsExactly("job");
		assertThat((byte[]) message.getHeaders().get(ZmqHeaders.IDENTITY)).isEqualTo(IDENTITY);
	}

	@Test
	void aRouterRequestEnvelopeRunsUpToAndIncludingTheFirstDelimiter() {
		List<byte[]> received = frames(IDENTITY, bytes("correlation"), EMPTY, bytes("job"), EMPTY);
		InboundMessage message = InboundMessage.of(ZmqSocketType.ROUTER, "backend", received);
		assertThat(message.identity()).isEqualTo(IDENTITY);
		assertThat(message.envelope()).containsExactly(IDENTITY, bytes("correlation"), EMPTY);
		assertThat(texts(message.content())).as("a later empty frame is content").containsExactly("job", "");
		assertThat(message.allFrames()).containsExactlyElementsOf(received);
	}

	@Test
	void aRouterMessageWithoutContentFailsAsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> InboundMessage.of(ZmqSocketType.ROUTER, "backend", frames(IDENTITY)))
			.withMessage("a ROUTER message needs an identity frame and content, this one has 1 frame(s)");
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> InboundMessage.of(ZmqSocketType.ROUTER, "backend", frames(IDENTITY, EMPTY)))
			.withMessage("the ROUTER message has an envelope but no content");
	}

	@Test
	void aDealerMessageWithoutDelimiterIsAllContent() {
		InboundMessage message = InboundMessage.of(ZmqSocketType.DEALER, "client", frames("reply", "part"));
		assertThat(message.envelope()).isEmpty();
		assertThat(message.identity()).isNull();
		assertThat(texts(message.payload())).containsExactly("reply", "part");
	}

	@Test
	void aDealerMessageWithADelimiterKeepsTheEnvelopeUpToItForTheReply() {
		InboundMessage message = InboundMessage.of(ZmqSocketType.DEALER, "worker", frames("client-7", "", "job"));
		assertThat(texts(message.envelope())).containsExactly("client-7", "");
		assertThat(texts(message.payload())).containsExactly("job");
		assertThat(message.identity()).as("only a ROUTER knows the peer").isNull();
		assertThat(texts(message.allFrames())).containsExactly("client-7", "", "job");
	}

	@Test
	void aDealerMessageThatIsOnlyAnEnvelopeFailsAsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> InboundMessage.of(ZmqSocketType.DEALER, "worker", frames("client-7", "")))
			.withMessage("the message has an envelope but no content");
	}

	@Test
	void headersNameTheSocketAndCarryNoIdOrTimestamp() {
		MessageHeaders headers = InboundMessage.of(ZmqSocketType.PULL, "tasks", frames("x")).getHeaders();
		assertThat(headers).containsEntry(ZmqHeaders.SOCKET, "tasks").doesNotContainKeys(ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY);
		assertThat(headers.getId()).isNull();
		assertThat(headers.getTimestamp()).isNull();
	}

	private static List<byte[]> frames(String... texts) {
		return Arrays.stream(texts).map(FrameLayoutTests::bytes).toList();
	}

	private static List<byte[]> frames(byte[]... frames) {
		return List.of(frames);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> texts(List<byte[]> frames) {
		return frames.stream().map((frame) -> new String(frame, StandardCharsets.UTF_8)).toList();
	}

}
