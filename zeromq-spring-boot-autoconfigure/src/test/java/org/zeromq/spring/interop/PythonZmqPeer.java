package org.zeromq.spring.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real libzmq peer for interop tests: runs one of the {@code /interop/*.py} scripts with pyzmq.
 *
 * <p>JeroMQ talking to JeroMQ proves little about wire compatibility, since both ends share one
 * ZMTP implementation; a pyzmq process is the cheapest peer built on the reference libzmq. The
 * scripts print {@code READY [info]} once their sockets are set up, then one line per event, and
 * read stdin where the test has to tell them when to act.
 *
 * <p>pyzmq comes from Debian's {@code python3-zmq}, which lives in {@code /usr/bin/python3} and
 * not necessarily in the first {@code python3} on the PATH. Without it the calling test is
 * skipped rather than failed.
 */
public final class PythonZmqPeer implements AutoCloseable {

	private static final String UNAVAILABLE = "pyzmq not found: install Debian's python3-zmq "
			+ "(apt-get install -y python3-zmq) or set ZMQ_PYTHON to a python3 that imports zmq; "
			+ "interop test skipped";

	/** What the scripts share (arguments, socket lifecycle, READY, deadlines), as a module beside them. */
	private static final String SHARED_MODULE = "peer.py";

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration EXIT_CODE_GRACE = Duration.ofSeconds(1);

	/** End of stdout in the queue; compared by identity so no printed line can fake it. */
	private static final String EOF = new String("<eof>");

	private final String script;

	private final Process process;

	private final Path workDir;

	private final Path stderrLog;

	private final Writer stdin;

	private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

	private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

	private final Thread reader;

	private String readyInfo = "";

	private boolean closed;

	private PythonZmqPeer(String script, Process process, Path workDir, Path stderrLog) {
		this.script = script;
		this.process = process;
		this.workDir = workDir;
		this.stderrLog = stderrLog;
		this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		this.reader = new Thread(this::readStdout, "pyzmq-peer-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** The first python3 that can {@code import zmq}; probed once per JVM. */
	public static Optional<Path> findPython() {
		return PythonHolder.PYTHON;
	}

	/** Skips the calling test when no python3 with pyzmq is available. */
	public static void assumeAvailable() {
		assumeTrue(findPython().isPresent(), UNAVAILABLE);
	}

	/**
	 * Starts {@code /interop/<script>} with {@code args} and waits for its {@code READY} line.
	 * Skips the calling test when no python3 with pyzmq is available.
	 * @throws IllegalStateException if the script exits, or prints no READY within 15 s; the
	 * message carries its output
	 */
	public static PythonZmqPeer start(String script, String... args) {
		assumeAvailable();
		Path python = findPython().orElseThrow();
		Path workDir = null;
		PythonZmqPeer peer;
		try {
			workDir = Files.createTempDirectory("pyzmq-peer-");
			Path file = copyResource(script, workDir);
			// The scripts import it from their own directory.
			copyResource(SHARED_MODULE, workDir);
			Path stderrLog = workDir.resolve("stderr.log");
			List<String> command = new ArrayList<>(List.of(python.toString(), "-u", file.toString()));
			command.addAll(List.of(args));
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
				// A file never fills up, so a chatty stderr cannot block the script.
				.redirectError(stderrLog.toFile());
			builder.environment().put("PYTHONIOENCODING", "utf-8");
			builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			peer = new PythonZmqPeer(script, builder.start(), workDir, stderrLog);
		}
		catch (IOException ex) {
			deleteQuietly(workDir);
			throw new UncheckedIOException("Could not start " + script, ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(workDir);
			throw ex;
		}
		peer.awaitReady();
		return peer;
	}

	/** What the script printed after {@code READY}, such as the endpoint it bound; may be empty. */
	public String readyInfo() {
		return this.readyInfo;
	}

	/**
	 * The next stdout line after {@code READY}.
	 * @throws AssertionError if none arrives within {@code timeout} or the script closed stdout
	 */
	public String nextLine(Duration timeout) {
		String line = poll(timeout);
		if (line == null) {
			throw new AssertionError("No line from " + this.script + " within " + timeout + diagnostics());
		}
		if (line == EOF) {
			waitFor(EXIT_CODE_GRACE);
			throw new AssertionError(this.script + " has no more lines" + diagnostics());
		}
		return line;
	}

	/**
	 * The next {@code count} stdout lines after {@code READY}, all within one {@code timeout}.
	 * @throws AssertionError if they do not all arrive in time or the script closed stdout
	 */
	public List<String> nextLines(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> next = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			next.add(nextLine(Duration.ofNanos(deadline - System.nanoTime())));
		}
		return next;
	}

	/** Every stdout line read so far, {@code READY} included, whether taken by nextLine or not. */
	public List<String> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	/** Sends one line to the script's stdin. */
	public void writeLine(String line) {
		try {
			this.stdin.write(line + "\n");
			this.stdin.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to " + this.script + diagnostics(), ex);
		}
	}

	/**
	 * Waits for the script to exit on its own.
	 * @return its exit code
	 * @throws AssertionError if it is still running after {@code timeout}
	 */
	public int awaitExit(Duration timeout) {
		if (!waitFor(timeout)) {
			throw new AssertionError(this.script + " still running after " + timeout + diagnostics());
		}
		return this.process.exitValue();
	}

	/**
	 * Ends the script the way {@code kill -9} does: no close, no linger, its connections reset by
	 * the kernel. Waits until it is gone.
	 */
	public void kill() {
		this.process.destroyForcibly();
		if (!waitFor(STOP_TIMEOUT)) {
			throw new AssertionError(this.script + " still running " + STOP_TIMEOUT + " after SIGKILL" + diagnostics());
		}
	}

	/** Closes stdin, which the scripts take as a cue to finish, then escalates to kill. */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// Cleared for the bounded waits below, or an interrupted test would leave python running.
		boolean interrupted = Thread.interrupted();
		try {
			try {
				this.stdin.close();
			}
			catch (IOException ex) {
				// Already gone; it is stopped below either way.
			}
			if (!waitFor(STOP_TIMEOUT)) {
				this.process.destroy();
				if (!waitFor(STOP_TIMEOUT)) {
					this.process.destroyForcibly();
					waitFor(STOP_TIMEOUT);
				}
			}
			this.reader.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			interrupted = true;
		}
		finally {
			deleteQuietly(this.workDir);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		String failure = null;
		while (failure == null) {
			String line = poll(Duration.ofNanos(deadline - System.nanoTime()));
			if (line == null) {
				failure = this.script + " printed no READY within " + READY_TIMEOUT;
			}
			else if (line == EOF) {
				waitFor(EXIT_CODE_GRACE);
				failure = this.script + " ended before READY";
			}
			else if (line.equals("READY") || line.startsWith("READY ")) {
				this.readyInfo = line.substring("READY".length()).trim();
				return;
			}
		}
		String message = failure + diagnostics();
		close();
		throw new IllegalStateException(message);
	}

	/** Null on timeout; EOF is put back so every later call sees it too. */
	private String poll(Duration timeout) {
		try {
			String line = this.queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
			if (line == EOF) {
				this.queue.add(EOF);
			}
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for " + this.script, ex);
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			// An interrupted test must still not leave python running.
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
			return !this.process.isAlive();
		}
	}

	private void readStdout() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				this.lines.add(line);
				this.queue.add(line);
			}
		}
		catch (IOException ex) {
			// Destroying the process closes the stream: that is end of output too.
		}
		finally {
			this.queue.add(EOF);
		}
	}

	private String diagnostics() {
		String state = this.process.isAlive() ? "running" : "exit code " + this.process.exitValue();
		String stderr;
		try {
			stderr = Files.readString(this.stderrLog, StandardCharsets.UTF_8);
		}
		catch (IOException | UncheckedIOException ex) {
			stderr = "<unreadable: " + ex + ">";
		}
		return " [" + state + "]\nstdout: " + lines() + "\nstderr:\n" + stderr;
	}

	/** Copied out because the resource may sit inside a jar, where python cannot read it. */
	private static Path copyResource(String name, Path dir) throws IOException {
		Path file = dir.resolve(name);
		try (InputStream in = PythonZmqPeer.class.getResourceAsStream("/interop/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No classpath resource /interop/" + name);
			}
			Files.copy(in, file);
		}
		return file;
	}

	private static Optional<Path> probe() {
		Set<String> candidates = new LinkedHashSet<>();
		String configured = System.getenv("ZMQ_PYTHON");
		if (configured != null && !configured.isBlank()) {
			candidates.add(configured.trim());
		}
		candidates.add("/usr/bin/python3");
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				if (!dir.isEmpty()) {
					candidates.add(Path.of(dir, "python3").toString());
				}
			}
		}
		return candidates.stream().filter(PythonZmqPeer::importsZmq).findFirst().map(Path::of);
	}

	private static boolean importsZmq(String python) {
		Process process = null;
		try {
			process = new ProcessBuilder(python, "-c", "import zmq").redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
			}
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover temp directory is harmless.
		}
	}

	/** Lazy holder: the probe runs once, on first use, without explicit locking. */
	private static final class PythonHolder {

		static final Optional<Path> PYTHON = probe();

	}

}
