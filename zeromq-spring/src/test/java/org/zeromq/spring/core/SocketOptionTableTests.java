package org.zeromq.spring.core;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/** The option table is complete and consistent in itself, without opening a socket. */
class SocketOptionTableTests {

	private static final Set<Class<?>> VALUE_TYPES = Set.of(Integer.class, Long.class, Boolean.class, Duration.class,
			String.class);

	@Test
	void everyKeyIsLowerCaseDashedAndUnique() {
		Set<String> keys = new HashSet<>();
		for (SocketOption<?> option : SocketOption.values()) {
			// a group of options (curve., plain.) is a prefix, as the property groups them
			assertThat(option.key()).as(option.key()).matches("([a-z]+\\.)?[a-z][a-z0-9]*(-[a-z0-9]+)*");
			assertThat(keys.add(option.key())).as("%s appears once", option.key()).isTrue();
			assertThat(SocketOption.forKey(option.key())).containsSame(option);
		}
		assertThat(SocketOption.forKey("send-hwn")).isEmpty();
	}

	@Test
	void everyOptionNamesALibzmqOptionAJeromqSetterThatExistsAndADescription() {
		for (SocketOption<?> option : SocketOption.values()) {
			assertThat(option.zmqOption()).as(option.key()).startsWith("ZMQ_");
			// an option read from a certificate file sets two socket options
			for (String setter : option.jeromqSetter().split(", ")) {
				List<Method> setters = Arrays.stream(ZMQ.Socket.class.getMethods())
					.filter((method) -> method.getName().equals(setter) && method.getParameterCount() == 1)
					.toList();
				assertThat(setters).as("ZMQ.Socket.%s for %s", setter, option.key()).isNotEmpty();
			}
			assertThat(option.description()).as(option.key()).isNotBlank().endsWith(".").doesNotContain("\n");
			assertThat(VALUE_TYPES).as(option.key()).contains(option.type());
		}
	}

	@Test
	void everyScopeAppliesToSomeSocketType() {
		for (SocketOption<?> option : SocketOption.values()) {
			assertThat(option.scope().types()).as(option.key()).isNotEmpty();
			assertThat(option.scope().describe()).as(option.key()).isNotBlank();
		}
	}

	@Test
	void everyStarterDefaultIsInTheOptionsOwnRange() {
		for (SocketOption<?> option : SocketOption.values()) {
			assertStarterDefaultInRange(option);
		}
	}

	private static <T> void assertStarterDefaultInRange(SocketOption<T> option) {
		option.defaultValue()
			.starterValue()
			.ifPresent((value) -> assertThat(option.range().check(value)).as(option.key()).isEmpty());
	}

	@Test
	void theStartersOwnDefaultsAreTheDocumentedOnes() {
		assertThat(SocketOption.SEND_TIMEOUT.defaultValue().starterValue()).contains(Duration.ofSeconds(10));
		assertThat(SocketOption.HANDSHAKE_INTERVAL.defaultValue().starterValue()).contains(Duration.ofSeconds(3));
		assertThat(SocketOption.REQ_RELAXED.defaultValue().starterValue()).contains(true);
		assertThat(SocketOption.REQ_CORRELATE.defaultValue().starterValue()).contains(true);
		assertThat(SocketOption.MAX_MESSAGE_SIZE.defaultValue().starterValue()).contains(4L * 1024 * 1024);
		assertThat(SocketOption.LINGER.defaultValue()).isInstanceOf(OptionDefault.FromContext.class);
		assertThat(SocketOption.values().stream().filter((option) -> option.defaultValue().starterValue().isPresent())
			.map(SocketOption::key)).containsExactly("send-timeout", "handshake-interval", "req-relaxed", "req-correlate",
					"max-message-size");
	}

	@Test
	void scopesFollowWhatEachSocketTypeCanDo() {
		assertThat(SocketOption.SEND_HWM.scope().types()).containsExactlyInAnyOrder(ZmqSocketType.REQ, ZmqSocketType.REP,
				ZmqSocketType.PUB, ZmqSocketType.PUSH, ZmqSocketType.PAIR, ZmqSocketType.DEALER, ZmqSocketType.ROUTER,
				ZmqSocketType.XPUB, ZmqSocketType.XSUB);
		assertThat(SocketOption.RECEIVE_TIMEOUT.scope().types()).doesNotContain(ZmqSocketType.PUB, ZmqSocketType.PUSH);
		assertThat(SocketOption.IDENTITY.scope().describe()).isEqualTo("REQ, REP, DEALER, ROUTER");
		assertThat(SocketOption.IMMEDIATE.scope().appliesTo(SocketSpec.bind("x", ZmqSocketType.PUSH, "inproc://x")))
			.isFalse();
		assertThat(SocketOption.IMMEDIATE.scope().appliesTo(SocketSpec.connect("x", ZmqSocketType.PUSH, "inproc://x")))
			.isTrue();
	}

}
