package org.zeromq.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's secrets are recognised in every form their keys reach an Actuator endpoint in. */
class ZmqSecretSanitizerTests {

	private final ZmqSecretSanitizer sanitizer = new ZmqSecretSanitizer();

	@Test
	void secretKeysPasswordsAndUsersAreMaskedAsWrittenAsBoundAndAsEnvironmentVariables() {
		for (String key : new String[] { "zeromq.sockets.hello.curve.secret-key", "zeromq.sockets.hello.curve.secretKey",
				"ZEROMQ_SOCKETS_HELLO_CURVE_SECRETKEY", "zeromq.sockets[hello].curve.secret-key",
				"zeromq.sockets.client.plain.password", "ZEROMQ_SOCKETS_CLIENT_PLAIN_PASSWORD",
				"zeromq.security.plain.users.alice", "ZEROMQ_SECURITY_PLAIN_USERS_ALICE" }) {
			assertThat(this.sanitizer.apply(new SanitizableData(null, key, "value")).getValue()).as(key)
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		}
	}

	@Test
	void publicKeysAndOtherSettingsStayVisible() {
		for (String key : new String[] { "zeromq.sockets.hello.curve.public-key", "zeromq.sockets.hello.curve.server-key",
				"zeromq.sockets.client.plain.username", "zeromq.security.plain.passwords-file",
				"zeromq.security.curve.authorized-keys[0]", "spring.datasource.password" }) {
			assertThat(this.sanitizer.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
		}
	}

}
