package org.zeromq.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.PeerFrames.utf8;
import static org.zeromq.spring.test.ZmqAssertions.assertThatNextMessage;

/**
 * The frame assertions pass on the frames that travelled and fail with a report that shows
 * every frame readably, however large or binary.
 */
class FramesAssertTests {

	@Test
	void assertsOnTheFramesThatTravelledOverTcp() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			ZMQ.Socket dealer = peers.connect(SocketType.DEALER, router.getLastEndpoint(), "alice");
			send(dealer, "", "weather.paris", "sunny");
			assertThatNextMessage(router).hasFrameCount(4)
				.containsExactlyText("alice", "", "weather.paris", "sunny")
				.hasDelimiterAt(1)
				.lastFrameText()
				.isEqualTo("sunny");
		}
	}

	@Test
	void topicAndFrameAssertionsReadTheFramesAsUtf8() {
		List<byte[]> message = List.of(utf8("10001"), utf8("température 21°C"));
		ZmqAssertions.assertThat(message).hasTopic("10001").frameText(1).contains("21°C");
		ZmqAssertions.assertThat(message).frame(0).hasSize(5);
		ZmqAssertions.assertThat(message).containsExactlyBytes(utf8("10001"), utf8("température 21°C"));
	}

	@Test
	void aFailureShowsTextFramesAsTextAndBinaryFramesAsHex() {
		List<byte[]> message = List.of(utf8("topic"), new byte[] { 0, 1, (byte) 0xFF });
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ZmqAssertions.assertThat(message).containsExactlyText("topic", "payload"))
			.withMessageContaining("[\"topic\", \"payload\"]")
			.withMessageContaining("[\"topic\", 0x0001ff]");
	}

	@Test
	void aFailureCutsLargeFramesSoThatTheReportStaysReadable() {
		byte[] large = new byte[1_000_000];
		Arrays.fill(large, (byte) 'x');
		AssertionError failure = null;
		try {
			ZmqAssertions.assertThat(List.of(large)).hasFrameCount(2);
		}
		catch (AssertionError ex) {
			failure = ex;
		}
		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains("…(1000000 bytes)").hasSizeLessThan(400);
	}

	@Test
	void aMissingFrameFailsNamingTheIndexAndTheMessage() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ZmqAssertions.assertThat(List.of(utf8("only"))).frameText(3))
			.withMessageContaining("a frame at 3")
			.withMessageContaining("\"only\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ZmqAssertions.assertThat(List.of("a".getBytes(StandardCharsets.UTF_8))).hasTopic("b"))
			.withMessageContaining("topic frame \"b\"");
	}

}
