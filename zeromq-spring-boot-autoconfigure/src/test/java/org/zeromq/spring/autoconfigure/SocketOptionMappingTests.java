package org.zeromq.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.ZMQ;
import org.zeromq.spring.core.SocketOption;
import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.test.CurveKeyPairs;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code zeromq.sockets.*} option that JeroMQ can report reaches the socket as the option
 * it claims: the value is read back from the opened socket, not from our own objects. Options
 * JeroMQ cannot report (router-mandatory, xpub-*, req-*) are proven by their behaviour in
 * {@link SocketOptionBehaviourTests}; between them, every row of the option table is covered.
 */
class SocketOptionMappingTests {

	private static final ZMQ.Curve.KeyPair SERVER = CurveKeyPairs.SERVER;

	private static final ZMQ.Curve.KeyPair CLIENT = CurveKeyPairs.CLIENT;

	@TempDir
	static Path keys;

	private static CurveKeys.Certificates certificates;

	private static CurveKeys.Certificates serverCertificates;

	@ParameterizedTest(name = "{0}")
	@MethodSource("options")
	void optionReadsBackFromTheOpenedSocket(OptionCase option) {
		ZmqApplication.runner().withPropertyValues(option.properties()).run((context) -> {
			assertThat(context).hasNotFailed();
			Object actual = ZmqApplication.registry(context).socket("x").execute(option.reader());
			assertThat(actual).isEqualTo(option.expected());
		});
	}

	static Stream<OptionCase> options() {
		return Stream.of(
				socket("PUSH", "send-hwm=42").reads("getSndHWM", ZMQ.Socket::getSndHWM, 42),
				socket("PULL", "receive-hwm=43").reads("getRcvHWM", ZMQ.Socket::getRcvHWM, 43),
				socket("PUSH", "linger=250ms").reads("getLinger", ZMQ.Socket::getLinger, 250),
				socket("PUSH").reads("getLinger", ZMQ.Socket::getLinger, 1000),
				socket("PUSH").withContext("linger=300ms").reads("getLinger", ZMQ.Socket::getLinger, 300),
				socket("DEALER", "identity=worker-1").reads("getIdentity", SocketOptionMappingTests::identity, "worker-1"),
				socket("PUSH", "send-timeout=2s").reads("getSendTimeOut", ZMQ.Socket::getSendTimeOut, 2000),
				socket("PUSH").reads("getSendTimeOut", ZMQ.Socket::getSendTimeOut, 10_000),
				socket("PULL", "receive-timeout=250ms").reads("getReceiveTimeOut", ZMQ.Socket::getReceiveTimeOut, 250),
				socket("PUSH", "reconnect-interval=250ms").reads("getReconnectIVL", ZMQ.Socket::getReconnectIVL, 250),
				socket("PUSH", "reconnect-interval-max=2s").reads("getReconnectIVLMax", ZMQ.Socket::getReconnectIVLMax, 2000),
				socket("PUSH", "heartbeat-interval=250ms").reads("getHeartbeatIvl", ZMQ.Socket::getHeartbeatIvl, 250),
				// JeroMQ keeps the TTL in deciseconds, so it reads back rounded down to 100 ms
				socket("PUSH", "heartbeat-ttl=2s").reads("getHeartbeatTtl", ZMQ.Socket::getHeartbeatTtl, 2000),
				socket("PUSH", "heartbeat-timeout=750ms").reads("getHeartbeatTimeout", ZMQ.Socket::getHeartbeatTimeout, 750),
				// libzmq's immediate=true is JeroMQ's immediate=false: JeroMQ's flag means "attach at once"
				connectedSocket("PUSH", "immediate=true").reads("getImmediate", ZMQ.Socket::getImmediate, false),
				connectedSocket("PUSH", "immediate=false").reads("getImmediate", ZMQ.Socket::getImmediate, true),
				connectedSocket("PUSH").reads("getImmediate", ZMQ.Socket::getImmediate, true),
				socket("PULL", "conflate=true").reads("getConflate", ZMQ.Socket::getConflate, true),
				socket("PULL", "max-message-size=1024").reads("getMaxMsgSize", ZMQ.Socket::getMaxMsgSize, 1024L),
				// the starter's default (JeroMQ has none), on every type: each tcp connection decodes frames
				socket("PULL").reads("getMaxMsgSize", ZMQ.Socket::getMaxMsgSize, 4L * 1024 * 1024),
				socket("PUB").reads("getMaxMsgSize", ZMQ.Socket::getMaxMsgSize, 4L * 1024 * 1024),
				socket("PULL", "max-message-size=-1").reads("getMaxMsgSize", ZMQ.Socket::getMaxMsgSize, -1L),
				socket("PULL").reads("getMsgAllocator", (s) -> s.base().getSocketOptx(zmq.ZMQ.ZMQ_MSG_ALLOCATOR).getClass().getSimpleName(),
						"InboundFrameAllocator"),
				socket("PUSH", "tcp-keepalive=true").reads("getTCPKeepAlive", ZMQ.Socket::getTCPKeepAlive, 1),
				socket("PUSH", "tcp-keepalive=false").reads("getTCPKeepAlive", ZMQ.Socket::getTCPKeepAlive, 0),
				socket("PUSH").reads("getTCPKeepAlive", ZMQ.Socket::getTCPKeepAlive, -1),
				socket("PUSH", "ipv6=true").reads("getIPv6", ZMQ.Socket::getIPv6, true),
				socket("PUSH").withContext("ipv6=true").reads("getIPv6", ZMQ.Socket::getIPv6, true),
				socket("PUSH").reads("getIPv6", ZMQ.Socket::getIPv6, false),
				socket("PULL", "backlog=7").reads("getBacklog", ZMQ.Socket::getBacklog, 7),
				// the starter's default, JeroMQ's is 30 s
				socket("PUSH").reads("getHandshakeIvl", ZMQ.Socket::getHandshakeIvl, 3000),
				socket("PUSH", "handshake-interval=5s").reads("getHandshakeIvl", ZMQ.Socket::getHandshakeIvl, 5000),
				curveServer().reads("getCurveServer", ZMQ.Socket::getCurveServer, true),
				curveServer().reads("getCurveSecretKey", (socket) -> z85(socket.getCurveSecretKey()), SERVER.secretKey),
				// the starter names the ZAP domain of a socket that asks ZAP after the socket
				curveServer().reads("getZapDomain", ZMQ.Socket::getZapDomain, "x"),
				curveClient("curve.public-key=" + CLIENT.publicKey, "curve.secret-key=" + CLIENT.secretKey,
						"curve.server-key=" + SERVER.publicKey)
					.reads("getCurvePublicKey", (socket) -> z85(socket.getCurvePublicKey()), CLIENT.publicKey),
				curveClient("curve.public-key=" + CLIENT.publicKey, "curve.secret-key=" + CLIENT.secretKey,
						"curve.server-key=" + SERVER.publicKey)
					.reads("getCurveServerKey", (socket) -> z85(socket.getCurveServerKey()), SERVER.publicKey),
				curveClient("curve.certificate=file:" + certificates().secretCertificate(),
						"curve.server-certificate=file:" + serverCertificates().publicCertificate())
					.reads("getCurvePublicKey", (socket) -> z85(socket.getCurvePublicKey()), certificates().publicKey()),
				curveClient("curve.certificate=file:" + certificates().secretCertificate(),
						"curve.server-certificate=file:" + serverCertificates().publicCertificate())
					.reads("getCurveServerKey", (socket) -> z85(socket.getCurveServerKey()),
							serverCertificates().publicKey()),
				socket("REP", "plain.server=true").with(ZmqProperties.PREFIX + ".security.plain.users.alice=secret")
					.reads("getPlainServer", ZMQ.Socket::getPlainServer, true),
				socket("DEALER", "plain.username=alice", "plain.password=secret")
					.reads("getPlainUsername", ZMQ.Socket::getPlainUsername, "alice"),
				socket("DEALER", "plain.username=alice", "plain.password=secret")
					.reads("getPlainPassword", ZMQ.Socket::getPlainPassword, "secret"),
				socket("PULL", "zap-domain=orders").reads("getZapDomain", ZMQ.Socket::getZapDomain, "orders"));
	}

	/** A CURVE server {@code x} that lets in any client, so that it needs no key of a client. */
	private static OptionCaseBuilder curveServer() {
		return socket("REP", "curve.server=true", "curve.secret-key=" + SERVER.secretKey)
			.with(ZmqProperties.PREFIX + ".security.curve.allow-any=true");
	}

	/**
	 * A CURVE client {@code x} that binds, so that it needs no server to exist: the CURVE roles
	 * are independent of who binds.
	 */
	private static OptionCaseBuilder curveClient(String... settings) {
		return socket("DEALER", settings);
	}

	private static String z85(byte[] key) {
		return ZMQ.Curve.z85Encode(key);
	}

	private static synchronized CurveKeys.Certificates certificates() {
		if (certificates == null) {
			certificates = CurveKeyPairs.certificates(keys, "client");
		}
		return certificates;
	}

	private static synchronized CurveKeys.Certificates serverCertificates() {
		if (serverCertificates == null) {
			serverCertificates = CurveKeyPairs.certificates(keys, "server");
		}
		return serverCertificates;
	}

	@Test
	void everyOptionOfTheTableIsReadBackHereOrProvenByItsBehaviour() {
		Set<String> readBack = options().flatMap((option) -> Arrays.stream(option.properties()))
			.map((property) -> property.substring(0, property.indexOf('=')))
			.filter((property) -> property.startsWith(ZmqApplication.property("x", "")))
			.map((property) -> property.substring(ZmqApplication.property("x", "").length()))
			.collect(Collectors.toSet());
		Set<String> covered = new HashSet<>(readBack);
		covered.addAll(SocketOptionBehaviourTests.PROVEN_BY_BEHAVIOUR);
		assertThat(covered).containsAll(SocketOption.values().stream().map(SocketOption::key).toList());
	}

	/** Socket {@code x} of the type, bound to a free loopback port, with the given settings. */
	private static OptionCaseBuilder socket(String type, String... settings) {
		return new OptionCaseBuilder(type, List.of(settings), "bind=tcp://127.0.0.1:*", List.of(), "");
	}

	/** Socket {@code x} of the type, connected to an inproc PULL peer, for options about connecting. */
	private static OptionCaseBuilder connectedSocket(String type, String... settings) {
		return new OptionCaseBuilder(type, List.of(settings), "connect=inproc://option-peer",
				List.of(ZmqApplication.socket("peer", "type=PULL", "bind=inproc://option-peer")), "");
	}

	private static String identity(ZMQ.Socket socket) {
		return new String(socket.getIdentity(), StandardCharsets.UTF_8);
	}

	record OptionCase(String description, String[] properties, Function<ZMQ.Socket, Object> reader, Object expected) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	private record OptionCaseBuilder(String type, List<String> settings, String endpoint, List<String> otherProperties,
			String contextSetting) {

		OptionCaseBuilder with(String property) {
			List<String> others = new ArrayList<>(this.otherProperties);
			others.add(property);
			return new OptionCaseBuilder(this.type, this.settings, this.endpoint, others, this.contextSetting);
		}

		OptionCaseBuilder withContext(String setting) {
			List<String> others = new ArrayList<>(this.otherProperties);
			others.add(ZmqProperties.PREFIX + ".context." + setting);
			return new OptionCaseBuilder(this.type, this.settings, this.endpoint, others, " with context " + setting);
		}

		OptionCase reads(String getter, Function<ZMQ.Socket, ?> reader, Object expected) {
			List<String> properties = new ArrayList<>(this.otherProperties);
			properties.addAll(List.of(ZmqApplication.socket("x", "type=" + this.type, this.endpoint)));
			properties.addAll(List.of(ZmqApplication.socket("x", this.settings.toArray(String[]::new))));
			String set = this.settings.isEmpty() ? "(default)" : String.join(" ", this.settings);
			String description = this.type + " " + set + this.contextSetting + " -> " + getter + "() == " + expected;
			return new OptionCase(description, properties.toArray(String[]::new), reader::apply, expected);
		}

	}

}
