package org.zeromq.spring.samples.weather;

import java.util.SplittableRandom;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.zeromq.spring.template.ZmqOperations;

/**
 * The server role (the guide's wuserver): publishes weather updates for random zip codes on the
 * {@code weather} PUB socket, each one frame {@code "%05d %d %d"} (zip code, temperature,
 * relative humidity), as fast as it can, until the application stops. Subscribers filter on the
 * start of the frame.
 * <p>
 * A PUB socket drops what no subscriber asked for and never blocks, so publishing runs at full
 * speed whether anyone listens or not. It runs on a thread of its own, started with the
 * application and stopped, waiting for the send in progress, before the sockets close.
 */
@Component
@Profile("server")
class WeatherServer implements SmartLifecycle {

	static final String SOCKET = "weather";

	private final ZmqOperations zmq;

	private final WeatherProperties properties;

	private volatile boolean running;

	private volatile long published;

	private Thread publisher = new Thread(() -> {
	});

	WeatherServer(ZmqOperations zmq, WeatherProperties properties) {
		this.zmq = zmq;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.publisher = new Thread(this::publish, "weather-server");
		this.publisher.start();
	}

	private void publish() {
		SplittableRandom random = new SplittableRandom();
		int zips = this.properties.highestZip() - this.properties.lowestZip() + 1;
		while (this.running) {
			// The guide's made-up weather: -80..134 °F, 10..59 % humidity.
			int zip = this.properties.lowestZip() + random.nextInt(zips);
			int temperature = random.nextInt(215) - 80;
			int humidity = random.nextInt(50) + 10;
			this.zmq.send(SOCKET, String.format("%05d %d %d", zip, temperature, humidity));
			this.published++;
		}
	}

	/** Stops publishing and waits for the update being sent, before the sockets close. */
	@Override
	public synchronized void stop() {
		this.running = false;
		try {
			this.publisher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Updates sent so far. */
	long published() {
		return this.published;
	}

}
