package org.zeromq.spring.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.zeromq.spring.security.CurveKeys;
import org.zeromq.spring.test.CurveKeyPairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Declarations are checked against the option table before anything opens, and every problem
 * is reported by socket and setting, with remedies that name no configuration format.
 */
class SocketSpecValidatorTests {

	@TempDir
	static Path keys;

	private static CurveKeys.Certificates certificates;

	private final SocketSpecValidator validator = new SocketSpecValidator();

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("everyOptionOnEveryType")
	void anOptionIsRefusedExactlyOnTheTypesOutsideItsScope(SocketOption<?> option, ZmqSocketType type) {
		SocketSpec spec = declare(type).withOptions(complete(option).setValue(option, sample(option)).build());
		List<SpecViolation> violations = this.validator.validate(spec)
			.stream()
			.filter((violation) -> violation.setting().equals(option.key()))
			.toList();
		if (option.scope().types().contains(type)) {
			assertThat(violations).isEmpty();
		}
		else {
			assertThat(violations).singleElement().satisfies((violation) -> {
				assertThat(violation.socket()).isEqualTo("x");
				assertThat(violation.problem()).contains(type.name()).contains(option.key());
				assertThat(violation.remedies()).startsWith(Remedy.remove(option.key()));
			});
		}
	}

	static Stream<Arguments> everyOptionOnEveryType() {
		return SocketOption.values()
			.stream()
			.flatMap((option) -> Stream.of(ZmqSocketType.values()).map((type) -> Arguments.of(option, type)));
	}

	@Test
	void aSubWithoutSubscriptionsIsToldToSubscribeToEverythingOrToItsTopics() {
		SocketSpec sub = SocketSpec.connect("updates", ZmqSocketType.SUB, "tcp://127.0.0.1:5556");
		assertThat(this.validator.validate(sub)).containsExactly(new SpecViolation("updates", "subscribe",
				"a SUB socket with no 'subscribe' entries receives nothing", Remedy.add("subscribe", "", "to receive everything"),
				Remedy.advice("list the topic prefixes you want")));
		assertThat(this.validator.validate(sub).get(0).fix())
			.isEqualTo("add \"\" to subscribe to receive everything, or list the topic prefixes you want");
	}

	@Test
	void subscriptionsOnATypeThatCannotSubscribeAreToldToGoOrTheTypeToChange() {
		SocketSpec pub = SocketSpec.bind("news", ZmqSocketType.PUB, "inproc://news").withSubscriptions(List.of("a"));
		assertThat(this.validator.validate(pub)).singleElement()
			.satisfies((violation) -> assertThat(violation.remedies()).containsExactly(Remedy.remove("subscribe"),
					Remedy.change("type", "SUB")));
	}

	@Test
	void aSocketWithNoEndpointIsToldToBindOrConnect() {
		SocketSpec nowhere = new SocketSpec("x", ZmqSocketType.PUSH, List.of(), List.of(), List.of(), null, null);
		assertThat(this.validator.validate(nowhere)).singleElement().satisfies((violation) -> {
			assertThat(violation.setting()).isEqualTo("bind");
			assertThat(violation.remedies()).containsExactly(Remedy.add("bind", "tcp://127.0.0.1:5555", ""),
					Remedy.add("connect", "tcp://127.0.0.1:5555", "to reach a peer that binds"));
		});
	}

	@Test
	void valuesOutsideAnOptionsRangeAreRefusedWithTheirFix() {
		SocketSpec spec = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.SEND_HWM, -1)
			.set(SocketOption.LINGER, Duration.ofSeconds(-1))
			.set(SocketOption.HEARTBEAT_TTL, Duration.ofMillis(655_400))
			.set(SocketOption.IDENTITY, "é".repeat(128))
			.set(SocketOption.MAX_MESSAGE_SIZE, -2L)
			.build());
		assertThat(this.validator.validate(spec)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("send-hwm", "must not be negative, was -1"),
					org.assertj.core.groups.Tuple.tuple("linger", "must not be negative, was PT-1S"),
					org.assertj.core.groups.Tuple.tuple("identity", "must be at most 255 bytes in UTF-8, was 256"),
					org.assertj.core.groups.Tuple.tuple("heartbeat-ttl",
							"must be less than 655400 ms, was 655400 ms (JeroMQ keeps it in tenths of a second, up to 6553)"),
					org.assertj.core.groups.Tuple.tuple("max-message-size", "must not be negative (but -1 for no limit), was -2"));
	}

	@Test
	void valuesAtTheEdgeOfTheirRangeAreAccepted() {
		SocketSpec spec = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.SEND_HWM, 0)
			.set(SocketOption.LINGER, Duration.ZERO)
			.set(SocketOption.HEARTBEAT_TTL, Duration.ofMillis(655_399))
			.set(SocketOption.IDENTITY, "a".repeat(255))
			.set(SocketOption.MAX_MESSAGE_SIZE, -1L)
			.build());
		assertThat(this.validator.validate(spec)).isEmpty();
	}

	@Test
	void plainCredentialsAndZapDomainsMustBeAsciiBecauseJeroMqSizesThemInCharactersWithoutRepeatingThePassword() {
		SocketSpec spec = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.PLAIN_USERNAME, "zoë")
			.set(SocketOption.PLAIN_PASSWORD, "pässword")
			.build());
		assertThat(this.validator.validate(spec)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("plain.username",
					"must be ASCII: JeroMQ sends only as many bytes of its UTF-8 form as it has characters, so the "
							+ "server would get it cut short"),
					org.assertj.core.groups.Tuple.tuple("plain.password",
							"must be ASCII: JeroMQ sends only as many bytes of its UTF-8 form as it has characters, so "
									+ "the server would get it cut short"));
		SocketSpec tooLong = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.PLAIN_USERNAME, "u".repeat(256))
			.set(SocketOption.PLAIN_PASSWORD, "p".repeat(256))
			.build());
		assertThat(this.validator.validate(tooLong)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("plain.username", "must be at most 255 characters, was 256"),
					org.assertj.core.groups.Tuple.tuple("plain.password", "must be at most 255 characters"));
		SocketSpec domain = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.ZAP_DOMAIN, "größe")
			.build());
		assertThat(this.validator.validate(domain)).extracting(SpecViolation::setting, SpecViolation::problem)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("zap-domain", "must be ASCII: JeroMQ sizes the ZAP "
					+ "request's domain frame in characters, so any other character overflows it on the I/O thread at "
					+ "every handshake"));
		SocketSpec longest = declare(ZmqSocketType.DEALER).withOptions(SocketOptions.builder()
			.set(SocketOption.PLAIN_USERNAME, "u".repeat(255))
			.set(SocketOption.PLAIN_PASSWORD, "p".repeat(255))
			.build());
		assertThat(this.validator.validate(longest)).isEmpty();
	}

	@Test
	void anHwmPolicyOnATypeThatNeverSendsIsRefused() {
		SocketSpec pull = declare(ZmqSocketType.PULL).withHwmPolicy(HwmPolicy.DROP);
		assertThat(this.validator.validate(pull)).singleElement()
			.satisfies((violation) -> assertThat(violation.setting()).isEqualTo("hwm-policy"));
	}

	@Test
	void everyViolationOfEverySpecIsReportedAtOnce() {
		SocketSpec sub = SocketSpec.connect("updates", ZmqSocketType.SUB, "tcp://127.0.0.1:5556");
		SocketSpec pull = declare(ZmqSocketType.PULL).withOptions(SocketOptions.builder().set(SocketOption.SEND_HWM, 5).build());
		assertThatExceptionOfType(InvalidSocketSpecException.class)
			.isThrownBy(() -> this.validator.validateAll(List.of(sub, pull)))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(SpecViolation::socket, SpecViolation::setting)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("updates", "subscribe"),
						org.assertj.core.groups.Tuple.tuple("x", "send-hwm")))
			.withMessageContaining("socket 'x', send-hwm: a PULL socket never sends, so send-hwm has no effect; remove it")
			.withMessageNotContaining("zeromq");
	}

	private static synchronized CurveKeys.Certificates certificates() {
		if (certificates == null) {
			certificates = CurveKeyPairs.certificates(keys, "sample");
		}
		return certificates;
	}

	/** A socket {@code x} of the type that binds and connects, so that only the option under test can be wrong. */
	private static SocketSpec declare(ZmqSocketType type) {
		List<String> subscriptions = (type == ZmqSocketType.SUB || type == ZmqSocketType.XSUB) ? List.of("") : List.of();
		return new SocketSpec("x", type, List.of("tcp://127.0.0.1:*"), List.of("tcp://127.0.0.1:5556"), subscriptions,
				null, null);
	}

	/**
	 * The options a security option needs beside it to make a complete declaration (a CURVE
	 * client needs its key pair and the server's key), so that only its scope can be at fault.
	 */
	private static SocketOptions.Builder complete(SocketOption<?> option) {
		SocketOptions.Builder options = SocketOptions.builder();
		if (option == SocketOption.CURVE_SERVER) {
			options.set(SocketOption.CURVE_SECRET_KEY, CurveKeyPairs.SERVER.secretKey);
		}
		else if (option == SocketOption.CURVE_CERTIFICATE || option == SocketOption.CURVE_SERVER_CERTIFICATE
				|| SocketOption.CURVE_OPTIONS.contains(option)) {
			options.set(SocketOption.CURVE_PUBLIC_KEY, CurveKeyPairs.CLIENT.publicKey)
				.set(SocketOption.CURVE_SECRET_KEY, CurveKeyPairs.CLIENT.secretKey)
				.set(SocketOption.CURVE_SERVER_KEY, CurveKeyPairs.SERVER.publicKey);
			if (option == SocketOption.CURVE_CERTIFICATE) {
				options.set(SocketOption.CURVE_PUBLIC_KEY, null).set(SocketOption.CURVE_SECRET_KEY, null);
			}
			if (option == SocketOption.CURVE_SERVER_CERTIFICATE) {
				options.set(SocketOption.CURVE_SERVER_KEY, null);
			}
		}
		else if (option == SocketOption.PLAIN_USERNAME) {
			options.set(SocketOption.PLAIN_PASSWORD, "secret");
		}
		else if (option == SocketOption.PLAIN_PASSWORD) {
			options.set(SocketOption.PLAIN_USERNAME, "user");
		}
		return options;
	}

	private static Object sample(SocketOption<?> option) {
		if (option == SocketOption.CURVE_CERTIFICATE) {
			return certificates().secretCertificate().toString();
		}
		if (option == SocketOption.CURVE_SERVER_CERTIFICATE) {
			return certificates().publicCertificate().toString();
		}
		if (option == SocketOption.CURVE_PUBLIC_KEY) {
			return CurveKeyPairs.CLIENT.publicKey;
		}
		if (option == SocketOption.CURVE_SECRET_KEY) {
			return CurveKeyPairs.CLIENT.secretKey;
		}
		if (option == SocketOption.CURVE_SERVER_KEY) {
			return CurveKeyPairs.SERVER.publicKey;
		}
		Class<?> type = option.type();
		if (type == Duration.class) {
			return Duration.ofMillis(100);
		}
		if (type == Boolean.class) {
			return true;
		}
		if (type == String.class) {
			return "id";
		}
		if (type == Long.class) {
			return 1L;
		}
		return 1;
	}

}
