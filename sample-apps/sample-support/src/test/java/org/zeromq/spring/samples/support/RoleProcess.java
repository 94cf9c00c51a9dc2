package org.zeromq.spring.samples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A role run as the README runs it, in a JVM of its own (the test's classpath, the application's
 * main class), so that a test can stop it as Ctrl-C or a service manager would, with a signal,
 * and read everything it printed. Shared by the samples through this module's test jar.
 */
public final class RoleProcess implements AutoCloseable {

	private final Process process;

	private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

	private RoleProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::read, "role-process-reader");
		reader.setDaemon(true);
		reader.start();
	}

	public static RoleProcess start(Class<?> application, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), application.getName()));
		command.addAll(List.of(args));
		return new RoleProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/** Waits until a line containing {@code text} was printed. */
	public void awaitLine(String text, Duration timeout) {
		await().atMost(timeout).until(() -> output().contains(text) || !this.process.isAlive());
		if (!output().contains(text)) {
			throw new AssertionError("The role ended without printing '" + text + "':\n" + output());
		}
	}

	/**
	 * Sends SIGTERM, as {@code kill} or a service manager does (the JVM treats SIGINT, Ctrl-C, the
	 * same way), and waits for the process to end.
	 * @return its exit code
	 */
	public int terminate(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("The role did not end within " + timeout + " of SIGTERM:\n" + output());
		}
		return this.process.exitValue();
	}

	public String output() {
		synchronized (this.lines) {
			return String.join("\n", this.lines);
		}
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			// The process is gone: its output ends here.
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
