package org.zeromq.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.zeromq.spring.core.UnknownSocketException;
import org.zeromq.spring.core.ZmqException;

/**
 * Explains code (a listener, a send during startup) that names a socket nobody declared, with
 * the property that would declare it.
 */
class UnknownSocketFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSocketException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownSocketException cause) {
		return new FailureAnalysis(mostSpecificMessage(rootFailure, cause), declareAction(cause), cause);
	}

	/** What to write so that the socket exists: shared with the analysis of a listener on it. */
	static String declareAction(UnknownSocketException cause) {
		return "Declare it under " + SocketProperties.socketPrefix(cause.socketName())
				+ " (at least its type, and bind or connect), or use one of the declared sockets: " + cause.declared() + ".";
	}

	// The outermost ZeroMQ exception says who asked for the socket (a listener method, say).
	private static @Nullable String mostSpecificMessage(Throwable rootFailure, UnknownSocketException cause) {
		for (Throwable candidate = rootFailure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ZmqException) {
				return candidate.getMessage();
			}
		}
		return cause.getMessage();
	}

}
