package org.zeromq.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown {@code zeromq.*} keys are explained from the property classes themselves, with the
 * nearest key that exists, without starting an application.
 */
class ZmqPropertyKeysTests {

	@Test
	void aMisspeltSocketOptionIsAnsweredWithTheNearestOption() {
		assertThat(explain("zeromq.sockets.x.send-hwn"))
			.isEqualTo("`zeromq.sockets.x.send-hwn` is not a socket option; did you mean `send-hwm`?");
		assertThat(explain("zeromq.sockets.my-socket.recieve-timeout"))
			.isEqualTo("`zeromq.sockets.my-socket.recieve-timeout` is not a socket option; did you mean `receive-timeout`?");
		assertThat(explain("zeromq.sockets.x.handshake-intervall")).endsWith("did you mean `handshake-interval`?");
	}

	@Test
	void aKeyFarFromEveryOptionIsAnsweredWithTheOptionsThereAre() {
		assertThat(explain("zeromq.listener.retries"))
			.isEqualTo("`zeromq.listener.retries` is not a listener option; the listener options are auto-startup, concurrency, observation-enabled, shutdown-timeout");
	}

	@Test
	void anUnknownGroupIsNamedWhereverTheKeyUnderItGoes() {
		assertThat(explain("zeromq.sokets.x.type"))
			.isEqualTo("`zeromq.sokets.x.type`: `sokets` is not a zeromq option; did you mean `sockets`?");
		assertThat(explain("zeromq.contex.io-threads")).endsWith("`contex` is not a zeromq option; did you mean `context`?");
	}

	@Test
	void aMisspeltBridgeSettingIsAnsweredWithTheNearestSettingOfItsDirection() {
		assertThat(explain("zeromq.integration.inbound.tasks.chanel"))
			.isEqualTo("`zeromq.integration.inbound.tasks.chanel` is not an inbound bridge option; did you mean `channel`?");
		assertThat(explain("zeromq.integration.outbound.results.topic-expresion")).endsWith("did you mean `topic-expression`?");
		assertThat(explain("zeromq.integration.inbund.tasks.channel"))
			.isEqualTo("`zeromq.integration.inbund.tasks.channel`: `inbund` is not an integration option; did you mean `inbound`?");
	}

	@Test
	void aMisspeltKeyInsideASocketsCurveOrTheSecurityGroupIsAnsweredWithTheNearestKeyThere() {
		assertThat(explain("zeromq.sockets.x.curve.secret-kye"))
			.isEqualTo("`zeromq.sockets.x.curve.secret-kye` is not a curve option; did you mean `secret-key`?");
		assertThat(explain("zeromq.security.plain.user.alice"))
			.isEqualTo("`zeromq.security.plain.user.alice`: `user` is not a plain option; did you mean `users`?");
	}

	@Test
	void keysOutsideZeromqAreNotExplained() {
		assertThat(ZmqPropertyKeys.explain(ConfigurationPropertyName.of("spring.main.banner-mode"))).isEmpty();
	}

	@Test
	void theKeysOfAGroupAreReadFromItsClass() {
		assertThat(ZmqPropertyKeys.keys(ResolvableType.forClass(ZmqProperties.class)))
			.containsExactlyInAnyOrder("context", "diagnostics", "integration", "listener", "metrics", "proxies", "security",
					"shutdown-timeout", "sockets", "template");
		assertThat(ZmqPropertyKeys.keys(ResolvableType.forClass(ZmqProperties.Context.class)))
			.containsExactlyInAnyOrder("io-threads", "max-sockets", "ipv6", "linger");
	}

	@Test
	void theNearestKeyToleratesATypoOrTwoAndNoMore() {
		List<String> keys = List.of("send-hwm", "receive-hwm", "send-timeout");
		assertThat(ZmqPropertyKeys.nearest("send-hmw", keys)).as("two letters swapped").contains("send-hwm");
		assertThat(ZmqPropertyKeys.nearest("sendhwm", keys)).as("a dash left out").contains("send-hwm");
		assertThat(ZmqPropertyKeys.nearest("send-timout", keys)).contains("send-timeout");
		assertThat(ZmqPropertyKeys.nearest("security", keys)).isEmpty();
		assertThat(ZmqPropertyKeys.distance("send-hwn", "send-hwm")).isEqualTo(1);
		assertThat(ZmqPropertyKeys.distance("ab", "ba")).isEqualTo(1);
	}

	private static String explain(String name) {
		return ZmqPropertyKeys.explain(ConfigurationPropertyName.of(name)).orElseThrow();
	}

}
