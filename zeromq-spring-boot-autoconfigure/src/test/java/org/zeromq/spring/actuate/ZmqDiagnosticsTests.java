package org.zeromq.spring.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.spring.autoconfigure.actuate.ZmqEndpointAutoConfiguration;
import org.zeromq.spring.core.ZmqSendException;
import org.zeromq.spring.template.ZmqRequestTimeoutException;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Each missing-message finding, provoked with real sockets: logged once at WARN with the socket,
 * the endpoint and the fix however often it recurs, counted, and listed by the {@code zeromq}
 * endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZmqDiagnosticsTests {

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withConfiguration(AutoConfigurations.of(ZmqEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=zeromq");

	@Test
	void aPublisherWithoutSubscribersIsTheSlowJoiner(CapturedOutput output) {
		this.runner.withPropertyValues(socket("news", "type=PUB", "bind=" + ANY_TCP)).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			template.send("news", "nobody hears this");
			template.send("news", "nor this");
			assertFinding(context, output, "news", "publish-without-subscribers", endpointsOf(context, "news"), 2,
					"awaitSubscribers");
		});
	}

	@Test
	void aSendWithNoPeerConnectedHasNowhereToGo(CapturedOutput output) {
		this.runner.withPropertyValues(socket("tasks", "type=PUSH", "bind=" + ANY_TCP, "hwm-policy=drop"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.send("tasks", "one")).isFalse();
				assertThat(template.send("tasks", "two")).isFalse();
				assertFinding(context, output, "tasks", "send-without-peer", endpointsOf(context, "tasks"), 2,
						"awaitPeers");
			});
	}

	@Test
	void aConnectThatNeverHandshakesIsReportedAfterTheGracePeriod(CapturedOutput output) throws IOException {
		// A TCP port that accepts (the kernel completes the connection) and never speaks ZMTP: the
		// peer is not a ZeroMQ socket, as when the port is wrong.
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			String address = "tcp://127.0.0.1:" + silent.getLocalPort();
			this.runner
				.withPropertyValues("zeromq.diagnostics.handshake-grace-period=200ms",
						ZmqApplication.property("jobs", "type=PUSH"), ZmqApplication.property("jobs", "connect=" + address),
						ZmqApplication.property("jobs", "handshake-interval=300ms"),
						ZmqApplication.property("jobs", "hwm-policy=drop"))
				.run((context) -> {
					ZmqEndpoint endpoint = context.getBean(ZmqEndpoint.class);
					await().atMost(PeerSockets.TIMEOUT)
						.until(() -> endpoint.zeromq().diagnoses().stream()
							.anyMatch((diagnosis) -> diagnosis.kind().equals("connect-without-handshake")));
					assertFinding(context, output, "jobs", "connect-without-handshake", address, -1, "the endpoint's host and port");
				});
		}
	}

	@Test
	void messagesDroppedAtTheHighWaterMarkAreReportedOnce(CapturedOutput output) {
		// inproc: the peer is the queue, and the queue is full after a handful of messages.
		this.runner.withPropertyValues(socket("out", "type=PUSH", "bind=inproc://diagnosed-hwm", "hwm-policy=drop", "send-hwm=1"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				try (PeerSockets peers = PeerSockets.on(context.getBean(ZContext.class))) {
					ZMQ.Socket pull = peers.create(SocketType.PULL);
					pull.setRcvHWM(1);
					pull.connect("inproc://diagnosed-hwm");
					int dropped = 0;
					for (int i = 0; i < 20; i++) {
						dropped += template.send("out", "m" + i) ? 0 : 1;
					}
					assertThat(dropped).isGreaterThan(1);
					assertFinding(context, output, "out", "hwm-reached", "inproc://diagnosed-hwm", dropped, "raise send-hwm");
					// inproc reports no peers, so the finding cannot tell a full queue from a missing peer
					assertThat(context.getBean(ZmqEndpoint.class).socket("out").diagnoses())
						.singleElement()
						.satisfies((diagnosis) -> assertThat(diagnosis.description()).contains("high-water mark",
								"inproc peers are not reported"));
				}
			});
	}

	@Test
	void aRouterMessageForAnIdentityNoPeerHasIsUnroutable(CapturedOutput output) {
		this.runner.withPropertyValues(socket("backend", "type=ROUTER", "bind=" + ANY_TCP, "router-mandatory=true"))
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				byte[] gone = "worker-that-left".getBytes(StandardCharsets.UTF_8);
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.sendTo("backend", gone, "late"));
				assertThatExceptionOfType(ZmqSendException.class).isThrownBy(() -> template.sendTo("backend", gone, "later"));
				assertFinding(context, output, "backend", "unroutable", endpointsOf(context, "backend"), 2,
						"reply only with the identity the request came with");
			});
	}

	@Test
	void aRequestWithoutAReplyInTimeIsReported(CapturedOutput output) {
		try (PeerSockets peers = new PeerSockets()) {
			// A server that takes requests and never answers.
			ZMQ.Socket mute = peers.bind(SocketType.ROUTER);
			this.runner.withPropertyValues(socket("client", "type=REQ", "connect=" + mute.getLastEndpoint()))
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> template.request("client", "hello?", Duration.ofMillis(200), String.class));
					assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> template.request("client", "anyone?", Duration.ofMillis(200), String.class));
					assertFinding(context, output, "client", "request-timeout", mute.getLastEndpoint(), 2,
							"the guide's Lazy Pirate");
				});
		}
	}

	private static String endpointsOf(AssertableApplicationContext context, String socket) {
		return context.getBean(org.zeromq.spring.core.ZmqSocketRegistry.class).status(socket).endpoints();
	}

	/**
	 * The finding is in the endpoint (with {@code count}, unless it is -1), and its WARN line
	 * names the socket, the endpoint, the fix and the kind, exactly once.
	 */
	private static void assertFinding(AssertableApplicationContext context, CapturedOutput output, String socket,
			String kind, String endpoint, long count, String fix) {
		ZmqEndpoint zeromq = context.getBean(ZmqEndpoint.class);
		List<ZmqEndpoint.DiagnosisDescriptor> diagnoses = zeromq.zeromq().diagnoses().stream()
			.filter((diagnosis) -> diagnosis.kind().equals(kind))
			.toList();
		assertThat(diagnoses).singleElement().satisfies((diagnosis) -> {
			assertThat(diagnosis.socket()).isEqualTo(socket);
			assertThat(diagnosis.endpoint()).isEqualTo(endpoint);
			assertThat(diagnosis.fix()).contains(fix);
			if (count >= 0) {
				assertThat(diagnosis.count()).isEqualTo(count);
			}
			else {
				assertThat(diagnosis.count()).isPositive();
			}
		});
		assertThat(zeromq.socket(socket).diagnoses()).extracting(ZmqEndpoint.DiagnosisDescriptor::kind).contains(kind);
		Matcher lines = Pattern.compile("WARN.*org\\.zeromq\\.spring\\.diagnostics.*ZeroMQ socket '" + Pattern.quote(socket)
				+ "' \\(\\w+\\) at " + Pattern.quote(endpoint) + ": .*Fix: .*" + Pattern.quote(fix) + ".*\\["
				+ Pattern.quote(kind) + ", see docs/diagnostics\\.md\\]").matcher(output.getOut());
		int found = 0;
		while (lines.find()) {
			found++;
		}
		assertThat(found).as("WARN lines for %s on '%s' in:%n%s", kind, socket, output.getOut()).isEqualTo(1);
	}

}
