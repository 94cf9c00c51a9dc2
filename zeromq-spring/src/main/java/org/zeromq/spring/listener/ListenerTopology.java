package org.zeromq.spring.listener;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.zeromq.spring.core.HwmPolicy;
import org.zeromq.spring.core.SocketOptions;
import org.zeromq.spring.core.SocketSpec;
import org.zeromq.spring.core.ZmqSocketType;

/**
 * Which sockets serve a listener. A socket that only connects is simply opened once per thread.
 * A binding REP, ROUTER or PULL served by several threads becomes the guide's multithreaded
 * server: the declared endpoints are bound by a front socket (a ROUTER in place of a REP, since
 * a REP handles one request at a time), an inproc device passes messages to and from a back
 * socket, and the workers connect to it:
 * <ul>
 * <li>REP: ROUTER front, DEALER back, REP workers (they keep each request's envelope);</li>
 * <li>ROUTER: ROUTER front, DEALER back, DEALER workers that read the client identity as the
 * first frame, exactly as the ROUTER would;</li>
 * <li>PULL: PULL front, PUSH back, PULL workers.</li>
 * </ul>
 */
final class ListenerTopology {

	private static final AtomicLong devices = new AtomicLong();

	private final SocketSpec declared;

	private final SocketSpec front;

	// Both null when the listener needs no device.
	private final @Nullable ZmqSocketType backType;

	private final @Nullable ZmqSocketType workerType;

	private ListenerTopology(SocketSpec declared, SocketSpec front, @Nullable ZmqSocketType backType,
			@Nullable ZmqSocketType workerType) {
		this.declared = declared;
		this.front = front;
		this.backType = backType;
		this.workerType = workerType;
	}

	static ListenerTopology of(SocketSpec declared, int concurrency) {
		if (concurrency <= 1 || !declared.isBindSide()) {
			return new ListenerTopology(declared, declared, null, null);
		}
		ZmqSocketType frontType = switch (declared.type()) {
			case REP, ROUTER -> ZmqSocketType.ROUTER;
			case PULL -> ZmqSocketType.PULL;
			default -> throw new IllegalStateException("concurrency on a binding " + declared.type() + " socket is not supported");
		};
		ZmqSocketType backType = (frontType == ZmqSocketType.PULL) ? ZmqSocketType.PUSH : ZmqSocketType.DEALER;
		ZmqSocketType workerType = switch (declared.type()) {
			case REP -> ZmqSocketType.REP;
			case ROUTER -> ZmqSocketType.DEALER;
			default -> ZmqSocketType.PULL;
		};
		SocketSpec front = new SocketSpec(declared.name(), frontType, declared.binds(), declared.connects(), List.of(),
				declared.options(), declared.hwmPolicy());
		return new ListenerTopology(declared, front, backType, workerType);
	}

	boolean hasDevice() {
		return this.backType != null;
	}

	/**
	 * The back socket and worker declarations for one start of the device. Every start gets an
	 * inproc endpoint of its own: JeroMQ releases a closed socket's inproc endpoint later, on its
	 * reaper thread, so binding the previous one again right after a stop can fail.
	 */
	@SuppressWarnings("NullAway") // only called when hasDevice(), so both types are set
	DeviceSpecs deviceSpecs() {
		String name = this.declared.name();
		String inproc = "inproc://zmq-listener-" + name + "-workers-" + devices.incrementAndGet();
		return new DeviceSpecs(new SocketSpec(name + "-back", this.backType, List.of(inproc), List.of(), List.of(),
				SocketOptions.DEFAULTS, HwmPolicy.BLOCK),
				new SocketSpec(name + "-worker", this.workerType, List.of(), List.of(inproc), List.of(),
						SocketOptions.DEFAULTS, HwmPolicy.BLOCK));
	}

	/** What the declared name opens as; differs from the declaration only in front of a device. */
	SocketSpec frontSpec() {
		return this.front;
	}

	/**
	 * The inproc side of a device.
	 *
	 * @param back the socket the device binds and passes messages through
	 * @param worker what each worker socket opens as
	 */
	record DeviceSpecs(SocketSpec back, SocketSpec worker) {
	}

}
