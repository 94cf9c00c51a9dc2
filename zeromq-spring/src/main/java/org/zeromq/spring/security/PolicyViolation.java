package org.zeromq.spring.security;

import java.util.List;
import java.util.Objects;

import org.zeromq.spring.core.Remedy;

/**
 * One thing wrong with a {@link ZapPolicy}: the setting, what is wrong, how to fix it. Settings
 * are named as the policy knows them ({@code curve.authorized-keys[2]}, {@code allow[0]});
 * where they live in the application's configuration is for the code that read it to add.
 * Never holds a key or a password.
 *
 * @param setting the setting at fault
 * @param problem what is wrong
 * @param remedies ways to fix it, as alternatives
 */
public record PolicyViolation(String setting, String problem, List<Remedy> remedies) {

	public PolicyViolation {
		Objects.requireNonNull(setting, "setting");
		Objects.requireNonNull(problem, "problem");
		remedies = List.copyOf(remedies);
	}

	public PolicyViolation(String setting, String problem, Remedy... remedies) {
		this(setting, problem, List.of(remedies));
	}

	@Override
	public String toString() {
		return this.setting + ": " + this.problem + "; " + Remedy.describeAll(this.remedies, this.setting);
	}

}
