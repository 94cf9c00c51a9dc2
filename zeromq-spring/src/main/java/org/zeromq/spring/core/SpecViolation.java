package org.zeromq.spring.core;

/**
 * One thing wrong with a socket declaration, said so that the user can fix it.
 *
 * @param property the full property path, e.g. {@code zeromq.sockets.updates.subscribe}
 * @param problem what is wrong
 * @param fix what to write instead
 */
public record SpecViolation(String property, String problem, String fix) {

	@Override
	public String toString() {
		return this.property + ": " + this.problem + "; " + this.fix;
	}

}
