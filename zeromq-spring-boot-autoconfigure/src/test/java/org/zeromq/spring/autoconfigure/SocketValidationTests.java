package org.zeromq.spring.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.zeromq.spring.core.InvalidSocketSpecException;
import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.template.ZmqOperations;
import org.zeromq.spring.test.ZmqApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declaration that makes no sense fails startup, and the failure names the full property
 * and says what to write instead.
 */
class SocketValidationTests {

	private static final String ANY_BIND = "bind=tcp://127.0.0.1:*";

	private static final String ANY_CONNECT = "connect=tcp://127.0.0.1:5556";

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidDeclarations")
	void invalidDeclarationFailsStartupNamingThePropertyAndTheFix(InvalidDeclaration declaration) {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("x", declaration.settings()))
			.run((context) -> assertThat(violationLine(context, ZmqApplication.property("x", declaration.option())))
				.contains(declaration.expected()));
	}

	static Stream<InvalidDeclaration> invalidDeclarations() {
		return Stream.of(
				invalid("missing type", "type", "no socket type given", "use one of REQ, REP").declaring(ANY_BIND),
				invalid("neither bind nor connect", "bind", "neither bind nor connect never talks to anyone",
						"add bind: tcp://127.0.0.1:5555, or add connect: tcp://127.0.0.1:5555 to reach a peer that binds")
					.declaring("type=PUSH"),
				invalid("subscribe on a PUB", "subscribe", "subscribe applies to SUB and XSUB sockets only, this one is PUB",
						"remove subscribe, or set type: SUB").declaring("type=PUB", ANY_BIND, "subscribe=news"),
				invalid("SUB without subscriptions", "subscribe", "a SUB socket with no 'subscribe' entries receives nothing",
						"add subscribe: [\"\"] to receive everything").declaring("type=SUB", ANY_CONNECT),
				notFor("DEALER", "req-relaxed=true", "[REQ]"),
				notFor("REP", "req-correlate=true", "[REQ]"),
				notFor("DEALER", "router-mandatory=true", "[ROUTER]"),
				notFor("PUB", "xpub-verbose=true", "[XPUB]"),
				notFor("PUSH", "xpub-nodrop=true", "[PUB, XPUB]"),
				notFor("PUB", "identity=me", "[REQ, REP, DEALER, ROUTER]"),
				notFor("ROUTER", "conflate=true", "[PUB, SUB, PUSH, PULL, DEALER]"),
				noEffect("PULL", "send-hwm=10", "a PULL socket never sends, so send-hwm has no effect"),
				noEffect("PULL", "send-timeout=1s", "a PULL socket never sends, so send-timeout has no effect"),
				noEffect("PUSH", "receive-hwm=10", "a PUSH socket never receives, so receive-hwm has no effect"),
				noEffect("PUB", "receive-timeout=1s", "a PUB socket never receives, so receive-timeout has no effect"),
				noEffect("PULL", "hwm-policy=drop", "a PULL socket never sends, so hwm-policy has no effect"),
				invalid("immediate on a socket that only binds", "immediate",
						"immediate only affects connections this socket makes, and it has no connect", "add connect")
					.declaring("type=PUSH", ANY_BIND, "immediate=true"),
				notInJeromq("bind", "pgm://eth0;239.192.1.1:5555"),
				notInJeromq("connect", "epgm://eth0;239.192.1.1:5555"),
				notInJeromq("bind", "norm://eth0;239.192.1.1:5555"),
				notInJeromq("connect", "tipc://{5560,0,0}"),
				invalid("unknown transport", "connect", "'foo://bar' uses the unknown transport foo://",
						"use tcp://, ipc:// or inproc://").declaring("type=PUSH", "connect=foo://bar"),
				invalid("no transport", "connect", "'127.0.0.1:5555' is not an endpoint",
						"write it as tcp://host:port, ipc://name or inproc://name").declaring("type=PUSH", "connect=127.0.0.1:5555"),
				negative("PUSH", "send-hwm", "-1", "use 0 or more (0 means no limit)"),
				negative("PULL", "receive-hwm", "-1", "use 0 or more (0 means no limit)"),
				negative("PULL", "backlog", "-1", "use 0 or more"),
				negative("PULL", "max-message-size", "-2", "use a size in bytes, or -1 for no limit"),
				negative("PUSH", "linger", "-1s", "was PT-1S", "use a duration such as 500ms or 2s"),
				negative("PULL", "receive-timeout", "-5ms", "was PT-0.005S", "use a duration such as 500ms or 2s"),
				negative("PUSH", "heartbeat-interval", "-1s", "use a duration such as 500ms or 2s"));
	}

	@Test
	void anUnknownTypeFailsStartupNamingThePropertyAndListingTheTypes() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("x", "type=FOO", ANY_BIND))
			.run((context) -> {
				// bound as the enum, so Spring Boot's own analysis of a value that does not convert applies
				FailureAnalysis analysis = ZmqApplication.failureAnalysis(context);
				assertThat(analysis.getDescription()).contains("zeromq.sockets.x.type").contains("\"FOO\"");
				assertThat(analysis.getAction()).contains("The following values are valid");
				for (ZmqSocketType type : ZmqSocketType.values()) {
					assertThat(analysis.getAction().lines()).contains("    " + type.name());
				}
			});
	}

	@Test
	void everyViolationOfEverySocketIsListedAtOnce() {
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("updates", "type=SUB", ANY_CONNECT))
			.withPropertyValues(ZmqApplication.socket("jobs", "type=PULL", ANY_BIND, "send-hwm=5", "router-mandatory=true"))
			.run((context) -> {
				assertThat(violationLine(context, ZmqApplication.property("updates", "subscribe"))).contains("receives nothing");
				assertThat(violationLine(context, ZmqApplication.property("jobs", "send-hwm"))).contains("never sends");
				assertThat(violationLine(context, ZmqApplication.property("jobs", "router-mandatory"))).contains("[ROUTER]");
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ipc://zeromq-spring-validation-", "inproc://validation-" })
	void ipcAndInprocAreAcceptedAndCarryMessages(String endpointPrefix) {
		String endpoint = endpointPrefix + UUID.randomUUID();
		ZmqApplication.runner()
			.withPropertyValues(ZmqApplication.socket("out", "type=PUSH", "bind=" + endpoint))
			.withPropertyValues(ZmqApplication.socket("in", "type=PULL", "connect=" + endpoint, ZmqApplication.RECEIVE_TIMEOUT))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(ZmqOperations.class).send("out", "over " + endpointPrefix);
				assertThat(ZmqApplication.receive(context, "in")).isEqualTo("over " + endpointPrefix);
			});
	}

	/**
	 * What the startup failure analysis says about {@code property}: {@code problem; fix}, from
	 * its description and its action.
	 */
	static String violationLine(AssertableApplicationContext context, String property) {
		assertThat(context).hasFailed();
		ZmqApplication.startupFailure(context, InvalidSocketSpecException.class);
		FailureAnalysis analysis = new InvalidSocketSpecFailureAnalyzer(new MockEnvironment())
			.analyze(context.getStartupFailure());
		return lineAbout(property, analysis.getDescription()) + "; " + lineAbout(property, analysis.getAction());
	}

	private static String lineAbout(String property, String text) {
		String start = "    " + property + ": ";
		return text.lines()
			.filter((line) -> line.startsWith(start))
			.map((line) -> line.substring(start.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line about " + property + " in:\n" + text));
	}

	private static InvalidDeclarationBuilder invalid(String description, String option, String... expected) {
		return new InvalidDeclarationBuilder(description, option, expected);
	}

	private static InvalidDeclaration notFor(String type, String setting, String applicableTypes) {
		String option = setting.substring(0, setting.indexOf('='));
		List<String> settings = List.of("type=" + type, ANY_BIND, ANY_CONNECT, setting);
		return invalid(option + " on a " + type, option, option + " does not apply to a " + type + " socket",
				"remove it, or use it on " + applicableTypes)
			.declaring(settings.toArray(String[]::new));
	}

	private static InvalidDeclaration noEffect(String type, String setting, String problem) {
		String option = setting.substring(0, setting.indexOf('='));
		return invalid(option + " on a " + type, option, problem, "remove it").declaring("type=" + type, ANY_BIND, setting);
	}

	private static InvalidDeclaration notInJeromq(String option, String endpoint) {
		String scheme = endpoint.substring(0, endpoint.indexOf("://") + 3);
		return invalid(scheme + " " + option, option, "uses " + scheme + ", which JeroMQ does not implement",
				"use tcp://, ipc:// or inproc://")
			.declaring("type=PUB", option + "=" + endpoint);
	}

	private static InvalidDeclaration negative(String type, String option, String value, String... expected) {
		String[] all = Stream.concat(Stream.of("must not be negative"), Arrays.stream(expected)).toArray(String[]::new);
		return invalid("negative " + option, option, all).declaring("type=" + type, ANY_BIND, option + "=" + value);
	}

	record InvalidDeclaration(String description, String[] settings, String option, String[] expected) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	private record InvalidDeclarationBuilder(String description, String option, String[] expected) {

		InvalidDeclaration declaring(String... settings) {
			return new InvalidDeclaration(this.description, settings, this.option, this.expected);
		}

	}

}
