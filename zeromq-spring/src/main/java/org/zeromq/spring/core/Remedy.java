package org.zeromq.spring.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One way to fix a {@link SpecViolation}, said in terms of the socket's settings rather than
 * of any configuration format, so that whoever reads the declarations (a properties file, a
 * YAML document, Java code) can say it in its own words.
 */
public sealed interface Remedy permits Remedy.Remove, Remedy.Add, Remedy.Change, Remedy.Advice {

	/** Remove the setting. */
	static Remedy remove(String setting) {
		return new Remove(setting);
	}

	/**
	 * Add a value to a setting that takes one or more values ({@code bind}, {@code subscribe}).
	 * @param setting the setting
	 * @param example the value to add
	 * @param purpose what it achieves, or an empty string
	 */
	static Remedy add(String setting, String example, String purpose) {
		return new Add(setting, example, purpose);
	}

	/** Give a setting another value. */
	static Remedy change(String setting, String value) {
		return new Change(setting, value);
	}

	/** Advice that is not about one setting, such as the forms a value may take. */
	static Remedy advice(String text) {
		return new Advice(text);
	}

	/**
	 * This remedy in plain words; {@code subject} is the setting the violation is about, so
	 * that removing it reads "remove it", or {@code null} to name every setting.
	 */
	String describe(@Nullable String subject);

	/** The setting this remedy changes, if it is about one. */
	default Optional<String> changes() {
		return Optional.empty();
	}

	/**
	 * The remedies joined as alternatives: "remove it, or use it on [REQ]". A removal says
	 * "it" only when no alternative is about another setting.
	 */
	static String describeAll(List<Remedy> remedies, String subject) {
		String it = aboutSubjectOnly(remedies, subject) ? subject : null;
		return remedies.stream().map((remedy) -> remedy.describe(it)).collect(Collectors.joining(", or "));
	}

	/** Whether every remedy that names a setting names {@code subject}. */
	static boolean aboutSubjectOnly(List<Remedy> remedies, String subject) {
		return remedies.stream().allMatch((remedy) -> remedy.changes().map(subject::equals).orElse(true));
	}

	/** @param setting the setting to remove */
	record Remove(String setting) implements Remedy {

		@Override
		public String describe(@Nullable String subject) {
			return this.setting.equals(subject) ? "remove it" : "remove " + this.setting;
		}

		@Override
		public Optional<String> changes() {
			return Optional.of(this.setting);
		}

	}

	/**
	 * @param setting the multi-valued setting
	 * @param example the value to add
	 * @param purpose what it achieves, or an empty string
	 */
	record Add(String setting, String example, String purpose) implements Remedy {

		@Override
		public String describe(@Nullable String subject) {
			return "add \"" + this.example + "\" to " + this.setting + (this.purpose.isEmpty() ? "" : " " + this.purpose);
		}

		@Override
		public Optional<String> changes() {
			return Optional.of(this.setting);
		}

	}

	/**
	 * @param setting the setting
	 * @param value its new value
	 */
	record Change(String setting, String value) implements Remedy {

		@Override
		public String describe(@Nullable String subject) {
			return "set " + this.setting + " to " + this.value;
		}

		@Override
		public Optional<String> changes() {
			return Optional.of(this.setting);
		}

	}

	/** @param text the advice */
	record Advice(String text) implements Remedy {

		@Override
		public String describe(@Nullable String subject) {
			return this.text;
		}

	}

}
