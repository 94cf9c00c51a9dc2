package org.zeromq.spring.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.spring.template.ZmqTemplate;
import org.zeromq.spring.test.PeerSockets;
import org.zeromq.spring.test.SecuredPeers;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zeromq.spring.security.CurveSecurityTests.status;
import static org.zeromq.spring.test.ZmqApplication.ANY_TCP;
import static org.zeromq.spring.test.ZmqApplication.endpoint;
import static org.zeromq.spring.test.ZmqApplication.socket;

/**
 * PLAIN over real tcp connections: a user with the right password is served, from the users
 * map or a passwords file, and a wrong password or an unknown user gets nothing through.
 */
class PlainSecurityTests {

	private static final Duration WAIT = PeerSockets.TIMEOUT;

	private final ApplicationContextRunner runner = ZmqApplication.runner()
		.withBean(CurveSecurityTests.Echo.class)
		.withPropertyValues(socket("hello", "type=REP", "bind=" + ANY_TCP, "plain.server=true"));

	@TempDir
	Path directory;

	@Test
	void aStarterClientWithTheRightPasswordGetsItsReply() {
		this.runner.withPropertyValues("zeromq.security.plain.users.alice=al1ce-s3cret").run((server) -> ZmqApplication.runner()
			.withPropertyValues(socket("client", "type=REQ", "connect=" + endpoint(server, "hello"), "plain.username=alice",
					"plain.password=al1ce-s3cret"))
			.run((client) -> {
				assertThat(client.getBean(ZmqTemplate.class).request("client", "Hello", WAIT, String.class))
					.isEqualTo("World for Hello");
				assertThat(status(server, "hello").authorized()).isEqualTo(1);
			}));
	}

	@Test
	void aWrongPasswordOrAnUnknownUserGetsNothing() {
		this.runner.withPropertyValues("zeromq.security.plain.users.alice=al1ce-s3cret").run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket wrong = SecuredPeers.plainClient(peers, SocketType.REQ, endpoint(context, "hello"), "alice", "guess");
				ZMQ.Socket unknown = SecuredPeers.plainClient(peers, SocketType.REQ, endpoint(context, "hello"), "mallory",
						"al1ce-s3cret");
				wrong.send("Hello");
				unknown.send("Hello");
				SecurityStatus status = status(context, "hello");
				await().atMost(WAIT).until(() -> status.denied() == 2);
				assertThat(wrong.recvStr(ZMQ.DONTWAIT)).isNull();
				assertThat(unknown.recvStr(ZMQ.DONTWAIT)).isNull();
				assertThat(context.getBean(CurveSecurityTests.Echo.class).requests).isEmpty();
				assertThat(status.authorized()).isZero();
			}
		});
	}

	@Test
	void aUserNameAndPasswordOf127BytesTheLongestJeroMqsServerReadsAreServed() {
		String name = "n".repeat(127);
		String password = "p".repeat(127);
		this.runner.withPropertyValues("zeromq.security.plain.users." + name + "=" + password).run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket client = SecuredPeers.plainClient(peers, SocketType.REQ, endpoint(context, "hello"), name, password);
				client.send("Hello");
				assertThat(client.recvStr()).isEqualTo("World for Hello");
			}
		});
	}

	@Test
	void usersMayComeFromAPasswordsFile() throws Exception {
		Path passwords = Files.writeString(this.directory.resolve("passwords.properties"), "bob=b0b-s3cret\n");
		this.runner.withPropertyValues("zeromq.security.plain.passwords-file=file:" + passwords).run((context) -> {
			try (PeerSockets peers = new PeerSockets()) {
				ZMQ.Socket bob = SecuredPeers.plainClient(peers, SocketType.REQ, endpoint(context, "hello"), "bob", "b0b-s3cret");
				bob.send("Hello");
				assertThat(bob.recvStr()).isEqualTo("World for Hello");
			}
		});
	}

}
