package org.zeromq.spring.observation;

import java.util.Map;

import io.micrometer.observation.transport.SenderContext;

import org.zeromq.spring.core.ZmqSocketType;
import org.zeromq.spring.template.TemplateObservation;

/**
 * The observation context of one send or request of the template. Its carrier is the message's
 * trace context, into which a tracing handler writes what the receiver needs to continue the
 * trace; it travels in a trace-context frame when the socket opts in.
 */
public final class ZmqSenderContext extends SenderContext<Map<String, String>> {

	private final TemplateObservation.Operation operation;

	public ZmqSenderContext(TemplateObservation.Operation operation) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		setCarrier(operation.traceContext());
		setRemoteServiceName("zeromq");
		this.operation = operation;
	}

	/** The declared socket. */
	public String getSocket() {
		return this.operation.socket();
	}

	/** Its type. */
	public ZmqSocketType getSocketType() {
		return this.operation.socketType();
	}

	/** {@code send} or {@code request}. */
	public String getOperation() {
		return this.operation.name();
	}

}
