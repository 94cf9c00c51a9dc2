package org.zeromq.spring.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which endpoint strings JeroMQ can open, and what an unusable one is told. */
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

}
