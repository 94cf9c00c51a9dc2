package org.zeromq.spring.integration;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.zeromq.spring.core.ZmqHeaders;
import org.zeromq.spring.listener.InboundMessage;

/**
 * The headers of a message the inbound adapters produce: an id, a timestamp, and the envelope
 * ({@link ZmqHeaders#SOCKET}, {@link ZmqHeaders#TOPIC} as text, {@link ZmqHeaders#IDENTITY} as
 * bytes), held in fields instead of the hash map {@link MessageHeaders} keeps. Filling that map
 * was the largest single cost on an inbound adapter's thread (in profiles of the Spring
 * Integration flow benchmark, more than a third of its samples and some 160 of the bytes it
 * allocated per message: a table, a node per entry, a boxed timestamp); these headers read the
 * same through every method of {@code MessageHeaders} and {@code Map}, and cost one small object.
 * <p>
 * The one difference: a plain {@code MessageHeaders} compares its own map with the other's map
 * field, so it never equals these headers, even a copy made with the same id; these headers,
 * compared the other way, do equal such a copy. Nothing in Spring Integration compares headers
 * that way (messages are told apart by id), and ids are unique, so no two different messages'
 * headers were equal before either.
 * <p>
 * Serialised, they stay this class (as Spring for Apache Kafka's header class does); the
 * receiving side needs the starter on its class path, as it needs the payload's class.
 */
final class EnvelopeHeaders extends MessageHeaders {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int ID = 0;

	private static final int TIMESTAMP = 1;

	private static final int SOCKET = 2;

	private static final int TOPIC = 3;

	private static final int IDENTITY = 4;

	private static final String[] NAMES = { MessageHeaders.ID, MessageHeaders.TIMESTAMP, ZmqHeaders.SOCKET,
			ZmqHeaders.TOPIC, ZmqHeaders.IDENTITY };

	// The id, as the two halves of a UUID (made when asked for: most messages never are), or
	// as the UUID an application's id generator made.
	private final long idHigh;

	private final long idLow;

	private final @Nullable UUID generatedId;

	private final long timestamp;

	private final String socket;

	private final @Nullable String topic;

	private final byte @Nullable [] identity;

	EnvelopeHeaders(InboundMessage received) {
		// No id, no timestamp: the map MessageHeaders makes stays empty, and these fields answer.
		super(null, ID_VALUE_NONE, -1L);
		if (getIdGenerator().getClass() == AlternativeJdkIdGenerator.class) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			this.idHigh = random.nextLong();
			this.idLow = random.nextLong();
			this.generatedId = null;
		}
		else {
			this.idHigh = 0;
			this.idLow = 0;
			this.generatedId = getIdGenerator().generateId();
		}
		this.timestamp = System.currentTimeMillis();
		this.socket = received.socket();
		byte[] topic = received.topic();
		this.topic = (topic != null) ? new String(topic, StandardCharsets.UTF_8) : null;
		this.identity = received.identity();
	}

	private @Nullable Object value(int index) {
		return switch (index) {
			case ID -> getId();
			case TIMESTAMP -> this.timestamp;
			case SOCKET -> this.socket;
			case TOPIC -> this.topic;
			default -> this.identity;
		};
	}

	// Whether the header is there, without making the id's UUID to find out.
	private boolean has(int index) {
		return switch (index) {
			case TOPIC -> this.topic != null;
			case IDENTITY -> this.identity != null;
			default -> index >= 0;
		};
	}

	private static int indexOf(@Nullable Object key) {
		if (key instanceof String name) {
			for (int i = 0; i < NAMES.length; i++) {
				if (NAMES[i].equals(name)) {
					return i;
				}
			}
		}
		return -1;
	}

	/**
	 * The id: what Spring's default generator makes, 128 random bits, but drawn from the
	 * receiving thread's own {@link ThreadLocalRandom} rather than from the one
	 * {@code java.util.Random} the default generator shares across the JVM, which fills a 16-byte
	 * array through four compare-and-set updates of its seed for every id (a sixth of the
	 * receiving thread's time in profiles of the inbound adapter). These ids are as unique as the
	 * default's: each thread's generator walks 64 bits of state, the default's {@code Random} 48
	 * for the whole JVM; neither is meant to be unguessable. An id generator the application set
	 * (an {@code IdGenerator} bean, which Spring Integration installs) makes the ids itself. Each
	 * call returns an equal {@code UUID}.
	 */
	@Override
	public UUID getId() {
		return (this.generatedId != null) ? this.generatedId : new UUID(this.idHigh, this.idLow);
	}

	@Override
	public Long getTimestamp() {
		return this.timestamp;
	}

	@Override
	public @Nullable Object get(Object key) {
		int index = indexOf(key);
		return has(index) ? value(index) : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, Class<T> type) {
		Object value = get(key);
		if (value == null) {
			return null;
		}
		if (!type.isAssignableFrom(value.getClass())) {
			throw new IllegalArgumentException("Incorrect type specified for header '" + key + "'. Expected [" + type
					+ "] but actual type is [" + value.getClass() + "]");
		}
		return (T) value;
	}

	@Override
	public boolean containsKey(Object key) {
		return has(indexOf(key));
	}

	@Override
	public boolean containsValue(Object value) {
		return view().containsValue(value);
	}

	@Override
	public int size() {
		return 3 + ((this.topic != null) ? 1 : 0) + ((this.identity != null) ? 1 : 0);
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public Set<Map.Entry<String, Object>> entrySet() {
		return view().entrySet();
	}

	@Override
	public Set<String> keySet() {
		return Collections.unmodifiableSet(view().keySet());
	}

	@Override
	public Collection<Object> values() {
		return Collections.unmodifiableCollection(view().values());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof MessageHeaders that && view().equals(that));
	}

	@Override
	public int hashCode() {
		return view().hashCode();
	}

	@Override
	public String toString() {
		return view().toString();
	}

	/** The headers as a read-only map, for what reads them all: copies, equality, the log. */
	private Map<String, Object> view() {
		return new AbstractMap<>() {

			@Override
			public Set<Map.Entry<String, Object>> entrySet() {
				return new Entries();
			}

		};
	}

	/** The present headers, in field order. */
	private final class Entries extends AbstractSet<Map.Entry<String, Object>> {

		@Override
		public int size() {
			return EnvelopeHeaders.this.size();
		}

		@Override
		public Iterator<Map.Entry<String, Object>> iterator() {
			return new Iterator<>() {

				private int next = present(0);

				@Override
				public boolean hasNext() {
					return this.next < NAMES.length;
				}

				@Override
				public Map.Entry<String, Object> next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					int index = this.next;
					this.next = present(index + 1);
					return new AbstractMap.SimpleImmutableEntry<>(NAMES[index], value(index));
				}

			};
		}

		private int present(int from) {
			int index = from;
			while (index < NAMES.length && !has(index)) {
				index++;
			}
			return index;
		}

	}

}
