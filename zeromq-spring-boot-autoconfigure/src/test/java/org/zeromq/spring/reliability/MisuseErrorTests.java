package org.zeromq.spring.reliability;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.messaging.converter.MessageConversionException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.ZmqBindException;
import org.zeromq.spring.core.ZmqConnectException;
import org.zeromq.spring.core.ZmqException;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * Each misuse the probe of issue 13 found gets an error that names the socket and the fix,
 * at startup where the information is there, instead of a bare JeroMQ exception or an analysis
 * that blames the wrong cause.
 */
class MisuseErrorTests {

	@ParameterizedTest(name = "send on a {0}")
	@ValueSource(strings = { "SUB", "PULL" })
	void sendOnAReceiveOnlySocketSaysWhichSocketSendsInstead(String type) {
		String[] inbox = type.equals("SUB") ? socket("inbox", "type=SUB", "bind=" + ANY_TCP, "subscribe[0]=")
				: socket("inbox", "type=" + type, "bind=" + ANY_TCP);
		ZmqApplication.runner()
			.withPropertyValues(inbox)
			.run((context) -> assertThatExceptionOfType(ZmqException.class)
				.isThrownBy(() -> context.getBean(ZmqOperations.class).send("inbox", "hello"))
				.withMessageStartingWith("Socket 'inbox' is a " + type + " socket, which only receives")
				.withMessageContaining(type.equals("SUB") ? "on a PUB (or XPUB) socket" : "on a PUSH socket")
				.withMessageContaining("@ZmqListener(\"inbox\")"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = {
			"bind    | tcp://nohost:-1        | has the port '-1', but a port is a number from 1 to 65535",
			"bind    | tcp://127.0.0.1:99999  | has the port '99999', but a port is a number from 1 to 65535",
			"connect | tcp://127.0.0.1        | has no port; write it as tcp://host:port",
			"bind    | tcp://:5555            | has no host; write it as tcp://host:port",
			"connect | tcp://a b:5555         | has the host 'a b', which is not a host name",
			"bind    | tcp://127.0.0.256:5555 | has the host 127.0.0.256, which is not an IPv4 address",
			"connect | tcp://::1:5555         | has the host ::1, an IPv6 address without brackets; write it as [::1]",
			"connect | tcp://*:5555           | has the host *, which means every interface to a bind but names no peer",
			"connect | tcp://127.0.0.1:*      | has the port *, which lets a bind pick a free port but names no peer's port" })
	void aMalformedEndpointFailsStartupNamingThePropertyAndTheForm(String setting, String endpoint, String problem) {
		ZmqApplication.runner()
			.withPropertyValues(socket("orders", "type=PUSH", setting + "=" + endpoint))
			.run((context) -> {
				FailureAnalysis analysis = ZmqApplication.failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.sockets.orders." + setting + ": '" + endpoint + "' " + problem);
				assertThat(analysis.getAction()).contains("zeromq.sockets.orders." + setting + ":");
			});
	}

	@Test
	void aBindToAnAddressThisMachineDoesNotHaveIsNotBlamedOnAnotherProcess() {
		// ::1 is loopback, but the context has IPv6 off: JeroMQ cannot bind it.
		ZmqApplication.runner()
			.withPropertyValues(socket("orders", "type=PULL", "bind=tcp://[::1]:*"))
			.run((context) -> {
				assertThat(ZmqApplication.startupFailure(context, ZmqBindException.class).failure())
					.isEqualTo(ZmqBindException.Failure.ADDRESS_NOT_AVAILABLE);
				FailureAnalysis analysis = ZmqApplication.failureAnalysis(context);
				assertThat(analysis.getAction()).contains("is not an address of this machine")
					.contains("zeromq.context.ipv6")
					.contains("Change zeromq.sockets.orders.bind to an address this machine has")
					.doesNotContain("Another process");
			});
	}

	@Test
	void aBindToAPortInUseIsBlamedOnTheProcessHoldingIt() {
		try (PeerSockets peers = new PeerSockets()) {
			String taken = peers.bind(SocketType.PULL).getLastEndpoint();
			ZmqApplication.runner()
				.withPropertyValues(socket("orders", "type=PULL", "bind=" + taken))
				.run((context) -> {
					assertThat(ZmqApplication.startupFailure(context, ZmqBindException.class).failure())
						.isEqualTo(ZmqBindException.Failure.ADDRESS_IN_USE);
					assertThat(ZmqApplication.failureAnalysis(context).getAction()).contains("Another process");
				});
		}
	}

	@Test
	void aBindOrConnectToAHostThatDoesNotResolveSaysSoInsteadOfAStackTrace() {
		// .invalid never resolves (RFC 6761)
		ZmqApplication.runner()
			.withPropertyValues(socket("orders", "type=PULL", "bind=tcp://nohost.invalid:5555"))
			.run((context) -> {
				assertThat(ZmqApplication.startupFailure(context, ZmqBindException.class).failure())
					.isEqualTo(ZmqBindException.Failure.UNKNOWN_HOST);
				FailureAnalysis analysis = ZmqApplication.failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("the host name 'nohost.invalid' does not resolve");
				assertThat(analysis.getAction()).contains("Change zeromq.sockets.orders.bind to a host name that resolves");
			});
		ZmqApplication.runner()
			.withPropertyValues(socket("client", "type=PUSH", "connect=tcp://nohost.invalid:5555"))
			.run((context) -> {
				ZmqConnectException failure = ZmqApplication.startupFailure(context, ZmqConnectException.class);
				assertThat(failure.isUnknownHost()).isTrue();
				FailureAnalysis analysis = ZmqApplication.failureAnalysis(context);
				assertThat(analysis.getDescription()).isEqualTo("ZeroMQ socket 'client' could not connect to"
						+ " tcp://nohost.invalid:5555: the host name 'nohost.invalid' does not resolve.");
				assertThat(analysis.getAction()).contains("Correct the host in zeromq.sockets.client.connect");
			});
	}

	@ParameterizedTest(name = "timeout {0}")
	@ValueSource(strings = { "-PT1S", "PT0S" })
	void aRequestTimeoutThatIsNotPositiveIsRefusedNamingTheSocket(String timeout) {
		ZmqApplication.runner()
			.withPropertyValues(socket("client", "type=DEALER", "connect=inproc://nobody"))
			.withPropertyValues(socket("req", "type=REQ", "connect=inproc://nobody"))
			.run((context) -> {
				ZmqOperations template = context.getBean(ZmqOperations.class);
				Duration negative = Duration.parse(timeout);
				assertThatIllegalArgumentException().isThrownBy(() -> template.request("req", "x", negative, String.class))
					.withMessage("The timeout of a request on socket 'req' must be positive, was " + negative
							+ "; give the time the reply may take, e.g. Duration.ofSeconds(5)");
				assertThatIllegalArgumentException().isThrownBy(() -> template.requestAsync("client", "x", negative, String.class))
					.withMessageContaining("socket 'client' must be positive");
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "zeromq.shutdown-timeout=-1s", "zeromq.listener.shutdown-timeout=-1s",
			"zeromq.context.linger=-1s", "zeromq.context.io-threads=0", "zeromq.context.max-sockets=0",
			"zeromq.listener.concurrency=0" })
	void aNegativeOrZeroSettingOfTheContextOrTheListenersFailsStartupNamingThePropertyAndAValidValue(String setting) {
		String property = setting.substring(0, setting.indexOf('='));
		String value = setting.substring(setting.indexOf('=') + 1);
		ZmqApplication.runner()
			.withPropertyValues(setting)
			.withPropertyValues(socket("orders", "type=PULL", "bind=inproc://orders"))
			.run((context) -> assertThat(ZmqApplication.failureAnalysis(context).getDescription())
				.contains("Invalid value '" + (value.endsWith("s") ? "PT" + value.toUpperCase() : value)
						+ "' for configuration property '" + property + "'")
				.containsPattern("it must be (a duration of zero or more|at least 1); write e\\.g\\. "));
	}

	record Order(String item, int quantity) {
	}

	@Test
	void aJsonNullReplyIsCalledJsonNullNotAMissingJackson() {
		try (PeerSockets peers = new PeerSockets()) {
			ZMQ.Socket service = peers.bind(SocketType.REP);
			ZmqApplication.runnerWithJackson()
				.withPropertyValues(socket("client", "type=REQ", "connect=" + service.getLastEndpoint()))
				.run((context) -> {
					Thread answer = new Thread(() -> {
						service.recvStr();
						service.send("null");
					}, "null-answering-peer");
					answer.start();
					assertThatExceptionOfType(MessageConversionException.class)
						.isThrownBy(() -> context.getBean(ZmqTemplate.class)
							.request("client", "order?", PeerSockets.TIMEOUT, Order.class))
						.withMessageStartingWith("The frame holds JSON null, which is no " + Order.class.getName())
						.withMessageNotContaining("add Jackson");
					answer.join(PeerSockets.TIMEOUT.toMillis());
				});
		}
	}

}
