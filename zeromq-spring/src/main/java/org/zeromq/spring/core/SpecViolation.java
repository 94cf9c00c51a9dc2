package org.zeromq.spring.core;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a socket declaration: which socket, which of its settings, what is
 * wrong and how to fix it. It names settings as the socket knows them ({@code subscribe},
 * {@code send-hwm}); where they live in the application's configuration, and in which file and
 * line, is for the code that read the configuration to add.
 *
 * @param socket the socket's name
 * @param setting the setting at fault: {@code type}, {@code bind}, {@code connect},
 * {@code subscribe}, {@code hwm-policy} or a {@link SocketOption#key() socket option}
 * @param problem what is wrong
 * @param remedies ways to fix it, as alternatives
 */
public record SpecViolation(String socket, String setting, String problem, List<Remedy> remedies) {

	public SpecViolation {
		Objects.requireNonNull(socket, "socket");
		Objects.requireNonNull(setting, "setting");
		Objects.requireNonNull(problem, "problem");
		remedies = List.copyOf(remedies);
	}

	public SpecViolation(String socket, String setting, String problem, Remedy... remedies) {
		this(socket, setting, problem, List.of(remedies));
	}

	/** The remedies in plain words, as alternatives. */
	public String fix() {
		return Remedy.describeAll(this.remedies, this.setting);
	}

	@Override
	public String toString() {
		return "socket '" + this.socket + "', " + this.setting + ": " + this.problem + "; " + fix();
	}

}
