package org.zeromq.spring.template;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqSendException;
import org.zeromq.spring.core.ZmqSocketRegistry;
import org.zeromq.spring.test.PeerFrames;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * What a send does when the socket cannot take the message (no peer, or the high-water mark
 * reached): {@code hwm-policy} fail, drop or block, on PUSH (sent under the socket's lock) and
 * DEALER (sent by the socket's owner thread, which under block first queues up to send-hwm
 * messages for it). A bound socket that nobody connected to has no queue at all, so every send
 * meets the mark at once.
 */
class ZmqTemplateHwmPolicyTests {

	/** What "at once" means: well under the send-timeout, which a wrongly blocking send would wait out. */
	private static final Duration AT_ONCE = Duration.ofSeconds(2);

	private final ApplicationContextRunner runner = ZmqApplication.runnerWithJackson();

	@ParameterizedTest
	@ValueSource(strings = { "PUSH", "DEALER" })
	void failPolicyThrowsAtOnceSayingWhatToDo(String type) {
		unconnected(type, "fail", "10s").run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(ZmqSendException.class)
					.isThrownBy(() -> context.getBean(ZmqTemplate.class).send("out", "lost"))
					.withMessageContaining("'out'")
					.withMessageContaining("high-water mark");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUSH", "DEALER" })
	void dropPolicyReturnsFalseAndCountsTheDrop(String type) {
		unconnected(type, "drop", "10s").run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				long start = System.nanoTime();
				assertThat(template.send("out", "dropped")).isFalse();
				assertThat(template.send("out", "dropped too")).isFalse();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
				assertThat(context.getBean(ZmqSocketRegistry.class).socket("out").droppedCount()).isEqualTo(2);
			});
	}

	@Test
	void blockPolicyWaitsForTheSendTimeoutThenThrows() {
		unconnected("PUSH", "block", "200ms").run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(ZmqSendException.class)
					.isThrownBy(() -> context.getBean(ZmqTemplate.class).send("out", "late"))
					.withMessageContaining("'out'")
					.withMessageContaining("send-timeout");
				// Bounded, not exact: it did wait, and it did not hang.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), AT_ONCE);
			});
	}

	@Test
	void blockPolicyOnADealerQueuesUpToSendHwmMessagesForItsOwnerThenWaitsTheSendTimeoutAndThrows() {
		unconnected("DEALER", "block", "200ms").withPropertyValues(ZmqApplication.property("out", "send-hwm=3"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 3; i++) {
					assertThat(template.send("out", "queued " + i)).isTrue();
				}
				long start = System.nanoTime();
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.send("out", "late"))
					.withMessageContaining("'out'")
					.withMessageContaining("send-timeout");
				// Bounded, not exact: it did wait, and it did not hang.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), AT_ONCE);
				// The queued ones wait for a peer, and reach it in the order they were sent.
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket peer = peers.connect(SocketType.DEALER, ZmqApplication.endpoint(context, "out"));
					for (int i = 0; i < 3; i++) {
						assertThat(PeerFrames.receiveStrings(peer)).containsExactly("queued " + i);
					}
				}
			});
	}

	@Test
	void dropPolicyDropsOnceAPeerThatDoesNotReadHasFilledTheQueue() {
		this.runner
			.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://template-hwm", "hwm-policy=drop", "send-hwm=5"))
			.run((context) -> {
				try (PeerSockets local = PeerSockets.on(context.getBean(ZContext.class))) {
					ZMQ.Socket idle = local.create(SocketType.PULL);
					idle.setRcvHWM(5);
					idle.connect("inproc://template-hwm");
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					int queued = 0;
					while (queued < 1000 && template.send("out", "message " + queued)) {
						queued++;
					}
					// inproc queues up to both marks together; the peer never reads, so the rest is dropped.
					assertThat(queued).isBetween(5, 20);
					assertThat(template.send("out", "one more")).isFalse();
					assertThat(context.getBean(ZmqSocketRegistry.class).socket("out").droppedCount()).isEqualTo(2);
					assertThat(PeerFrames.receiveStrings(idle)).containsExactly("message 0");
				}
			});
	}

	/** A socket "out" of this type, bound where nobody connects. */
	private ApplicationContextRunner unconnected(String type, String hwmPolicy, String sendTimeout) {
		return this.runner.withPropertyValues(socket("out", "type=" + type, "bind=tcp://127.0.0.1:*",
				"hwm-policy=" + hwmPolicy, "send-timeout=" + sendTimeout));
	}

}
