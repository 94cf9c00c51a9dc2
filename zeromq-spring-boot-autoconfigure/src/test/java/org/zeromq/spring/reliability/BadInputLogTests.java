package org.zeromq.spring.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.annotation.ZmqListener;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.reliability.ReliabilityFigures.report;
import static org.zeromq.spring.test.PeerFrames.request;
import static org.zeromq.spring.test.PeerFrames.send;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.WAIT;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * A peer sending bad messages without end cannot flood the log, forge log lines or learn the
 * application's internals: one WARN per kind of failure per listener, stack traces at DEBUG,
 * control characters escaped, and a generic {@code ERROR} reply.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputLogTests {

	private static final int BAD_MESSAGES = 1000;

	/** Not an order, with a line break and an ANSI escape that would forge or colour log lines. */
	private static final String BAD = "no order\n2026-11-30 ERROR forged line \u001b[31m";

	@Test
	void aThousandRejectedRequestsGiveOneEscapedWarnWithoutStackTracesAndGenericReplies(CapturedOutput output) {
		ZmqApplication.runner()
			.withUserConfiguration(Orders.class)
			.withPropertyValues(socket("orders", "type=REP", "bind=" + ANY_TCP))
			.run((context) -> {
				try (PeerSockets peers = new PeerSockets()) {
					ZMQ.Socket client = peers.connect(SocketType.REQ, endpoint(context, "orders"));
					int before = output.length();
					for (int i = 0; i < BAD_MESSAGES; i++) {
						assertThat(request(client, BAD + i)).containsExactly("ERROR");
					}
					int logged = output.length() - before;
					report("log written for " + BAD_MESSAGES + " rejected requests", logged + " bytes, "
							+ (logged / BAD_MESSAGES) + " bytes per message");
					assertThat(request(client, "order:o-1")).containsExactly("taken o-1");
					String log = output.toString().substring(before);
					assertThat(log.lines().filter((line) -> line.contains(" WARN ")))
						.singleElement()
						.satisfies((line) -> assertThat(line).contains("Listener 'orders' on socket 'orders' failed: ")
							.contains("java.lang.IllegalArgumentException: not an order: no order\\n2026-11-30 ERROR forged line \\u001b[31m0"));
					assertThat(log).doesNotContain("\u001b").doesNotContain("\tat ");
				}
			});
	}

	@Test
	void aThousandMessagesThatAnswerNoRequestGiveOneWarnForTheDealerPipeline(CapturedOutput output) {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket router = peers.bind(SocketType.ROUTER);
			ZmqApplication.runner()
				.withPropertyValues(socket("client", "type=DEALER", "connect=" + router.getLastEndpoint(), "identity=client"))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					// The pipeline runs once the template first uses the socket; the ROUTER learns its identity.
					template.send("client", "hello");
					assertThat(router.recvStr()).isEqualTo("client");
					assertThat(router.recvStr()).isEqualTo("hello");
					for (int i = 0; i < BAD_MESSAGES; i++) {
						send(router, "client", "not a reply " + i);
					}
					await().atMost(WAIT).until(() -> template.discardedReplies("client") == BAD_MESSAGES);
					assertThat(output.toString().lines().filter((line) -> line.contains(" WARN ")))
						.singleElement()
						.satisfies((line) -> assertThat(line).contains("The request pipeline of socket 'client': discarded a message")
							.contains("1 frame(s) of 13 bytes"));
				});
		}
	}

	static class Orders {

		@ZmqListener("orders")
		String take(String order) {
			if (!order.startsWith("order:")) {
				// As many handlers do: the input goes into the exception's message.
				throw new IllegalArgumentException("not an order: " + order);
			}
			return "taken " + order.substring("order:".length());
		}

	}

}
