package org.zeromq.spring.integration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the application logs (through commons-logging, to java.util.logging) while a test runs:
 * the records of level SEVERE, as "logger: message (thrown)" lines.
 */
final class CapturedLog extends Handler implements AutoCloseable {

	private final List<String> severe = new CopyOnWriteArrayList<>();

	private final Logger root = Logger.getLogger("");

	private CapturedLog() {
		this.root.addHandler(this);
	}

	static CapturedLog start() {
		return new CapturedLog();
	}

	List<String> severe() {
		return List.copyOf(this.severe);
	}

	@Override
	public void publish(LogRecord record) {
		if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
			this.severe.add(record.getLoggerName() + ": " + record.getMessage()
					+ ((record.getThrown() != null) ? " (" + record.getThrown() + ")" : ""));
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
		this.root.removeHandler(this);
	}

}
