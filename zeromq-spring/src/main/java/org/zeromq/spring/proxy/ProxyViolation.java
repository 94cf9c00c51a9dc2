package org.zeromq.spring.proxy;

import java.util.List;
import java.util.Objects;

import org.zeromq.spring.core.Remedy;

/**
 * One thing wrong with a proxy declaration: which proxy, which of its settings, what is wrong and
 * how to fix it, in the proxy's own terms ({@code frontend}, {@code capture}); where the setting
 * lives in the application's configuration is for the code that read it to add.
 *
 * @param proxy the proxy's name
 * @param setting {@code frontend}, {@code backend} or {@code capture}
 * @param problem what is wrong
 * @param remedies ways to fix it, as alternatives
 */
public record ProxyViolation(String proxy, String setting, String problem, List<Remedy> remedies) {

	public ProxyViolation {
		Objects.requireNonNull(proxy, "proxy");
		Objects.requireNonNull(setting, "setting");
		Objects.requireNonNull(problem, "problem");
		remedies = List.copyOf(remedies);
	}

	public ProxyViolation(String proxy, String setting, String problem, Remedy... remedies) {
		this(proxy, setting, problem, List.of(remedies));
	}

	/** The remedies in plain words, as alternatives. */
	public String fix() {
		return Remedy.describeAll(this.remedies, this.setting);
	}

	@Override
	public String toString() {
		return "proxy '" + this.proxy + "', " + this.setting + ": " + this.problem + "; " + fix();
	}

}
