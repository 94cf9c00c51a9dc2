package org.zeromq.spring.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which endpoint strings JeroMQ can open, with a tcp endpoint's host and port read back, and what
 * an unusable one (including what JeroMQ would fail on with a bare exception) is told.
 */
class EndpointTests {

	@Test
	void eachTransportJeroMqImplementsIsRecognisedByItsScheme() {
		assertThat(Endpoint.parse("tcp://127.0.0.1:5555")).isEqualTo(new Endpoint("tcp://127.0.0.1:5555", Transport.TCP));
		assertThat(Endpoint.parse("tcp://127.0.0.1:*").transport()).isEqualTo(Transport.TCP);
		assertThat(Endpoint.parse("ipc://orders").transport()).isEqualTo(Transport.IPC);
		assertThat(Endpoint.parse("inproc://workers").transport()).isEqualTo(Transport.INPROC);
	}

	@Test
	void theSchemeIsReadWhateverItsCaseAndTheEndpointIsKeptTrimmedAsWritten() {
		Endpoint endpoint = Endpoint.parse("  TCP://127.0.0.1:5555 ");
		assertThat(endpoint.transport()).isEqualTo(Transport.TCP);
		assertThat(endpoint.uri()).isEqualTo("TCP://127.0.0.1:5555");
		assertThat(endpoint).hasToString("TCP://127.0.0.1:5555");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void aMissingEndpointIsToldTheFormsToWrite(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse(uri))
			.withMessage("an endpoint must not be empty; write it as tcp://host:port, ipc://name or inproc://name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:5555", "tcp://", "://127.0.0.1:5555", "tcp:/127.0.0.1:5555" })
	void aStringWithoutSchemeAndAddressIsNotAnEndpoint(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse(uri))
			.withMessage("'" + uri + "' is not an endpoint; write it as tcp://host:port, ipc://name or inproc://name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "pgm", "epgm", "norm", "tipc", "vmci", "udp", "ws", "wss" })
	void aLibzmqTransportThatJeroMqLacksIsNamedAsSuch(String scheme) {
		String uri = scheme + "://127.0.0.1:5555";
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse(uri))
			.withMessage("'" + uri + "' uses " + scheme + "://, which JeroMQ does not implement; use tcp://, ipc:// or inproc://");
	}

	@Test
	void anUnknownSchemeIsNamedWithTheTransportsThatWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse("HTTP://127.0.0.1:8080"))
			.withMessage("'HTTP://127.0.0.1:8080' uses the unknown transport http://; use tcp://, ipc:// or inproc://");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://127.0.0.1:5555", "tcp://*:5555", "tcp://127.0.0.1:*", "tcp://localhost:5555",
			"tcp://[::1]:5555", "tcp://127.0.0.1:0", "tcp://127.0.0.1:5555;127.0.0.1:0", "tcp://my_host.example:65535",
			"ipc://name", "inproc://name" })
	void theFormsJeroMqOpensPass(String uri) {
		assertThat(Endpoint.parse(uri).uri()).isEqualTo(uri);
	}

	@Test
	void hostAndPortReadBackWithoutBracketsOrTheConnectsLocalAddress() {
		Endpoint ipv6 = Endpoint.parse("tcp://[::1]:5555");
		assertThat(ipv6.host()).hasValue("::1");
		assertThat(ipv6.port()).hasValue("5555");
		assertThat(Endpoint.parse("tcp://127.0.0.1:*;127.0.0.2:0").host()).hasValue("127.0.0.1");
		assertThat(Endpoint.parse("inproc://name").host()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tcp://127.0.0.1:65536", "tcp://127.0.0.1:-1", "tcp://127.0.0.1:abc", "tcp://127.0.0.1:",
			"tcp://127.0.0.1", "tcp://:5555", "tcp://[::1]", "tcp://[zz]:5555", "tcp://::1:5555", "tcp://1.2.3:5555",
			"tcp://bad host:5555", "tcp://-host:5555", "tcp://127.0.0.1:5555;:5555" })
	void malformedTcpAddressesAreRefusedWithTheFormToWrite(String uri) {
		assertThatIllegalArgumentException().isThrownBy(() -> Endpoint.parse(uri)).withMessageStartingWith("'" + uri + "' has ");
	}

	@Test
	void onlyABindMayNameAWildcardHostOrPort() {
		assertThat(Endpoint.parse("tcp://*:5555").connectProblem()).hasValueSatisfying(
				(problem) -> assertThat(problem).contains("has the host *"));
		assertThat(Endpoint.parse("tcp://127.0.0.1:*").connectProblem()).hasValueSatisfying(
				(problem) -> assertThat(problem).contains("has the port *"));
		assertThat(Endpoint.parse("tcp://127.0.0.1:0").connectProblem()).isPresent();
		assertThat(Endpoint.parse("tcp://127.0.0.1:5555").connectProblem()).isEmpty();
		assertThat(Endpoint.parse("inproc://name").connectProblem()).isEmpty();
	}

}
