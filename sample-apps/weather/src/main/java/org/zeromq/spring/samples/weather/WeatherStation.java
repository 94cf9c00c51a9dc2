package org.zeromq.spring.samples.weather;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The publisher role (the guide's wuserver): publishes {@code weather.updates} updates for
 * random zip codes on the {@code weather} PUB socket, each as a {@code [zip][json]} envelope so
 * that subscribers filter on the zip frame alone.
 * <p>
 * A PUB socket drops what no subscriber asked for and never blocks, so publishing runs at full
 * speed whether or not anyone listens; the bound on the count is what lets the process end.
 */
@Component
@Profile("publisher")
class WeatherStation implements Role, AutoCloseable {

	static final String SOCKET = "weather";

	// Long enough for one send to return, so the sockets never close under the publishing loop.
	private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

	private final ZmqOperations zmq;

	private final WeatherProperties properties;

	private final AtomicBoolean playing = new AtomicBoolean();

	private final CountDownLatch ended = new CountDownLatch(1);

	private volatile boolean closed;

	private volatile long published;

	WeatherStation(ZmqOperations zmq, WeatherProperties properties) {
		this.zmq = zmq;
		this.properties = properties;
	}

	@Override
	public int play() {
		if (!this.playing.compareAndSet(false, true)) {
			throw new IllegalStateException("The weather station is already publishing");
		}
		SplittableRandom random = new SplittableRandom();
		int zips = this.properties.highestZip() - this.properties.lowestZip() + 1;
		long started = System.nanoTime();
		long count = 0;
		try {
			while (count < this.properties.updates() && !this.closed) {
				String zip = zipCode(this.properties.lowestZip() + random.nextInt(zips));
				// The guide's made-up weather: -80..134 °F, 10..59 % humidity.
				this.zmq.send(SOCKET, zip, new Weather(zip, random.nextInt(215) - 80, random.nextInt(50) + 10));
				count++;
			}
		}
		finally {
			this.published = count;
			this.ended.countDown();
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.printf("Published %d weather updates in %d ms%n", count, millis);
		return 0;
	}

	/** Updates sent so far by a finished {@link #play()}. */
	long published() {
		return this.published;
	}

	/** Stops publishing; called when the application closes, before its sockets close. */
	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		if (this.playing.get()) {
			this.ended.await(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static String zipCode(int number) {
		String digits = Integer.toString(number);
		return "00000".substring(Math.min(5, digits.length())) + digits;
	}

}
