package org.zeromq.spring.test;

import java.nio.file.Path;

import org.zeromq.ZMQ;
import org.zeromq.spring.security.CurveKeys;

/**
 * CURVE key pairs for tests, made when the tests run and never written to the sources: a
 * server's, an authorized client's and a stranger's that nobody authorized.
 */
public final class CurveKeyPairs {

	public static final ZMQ.Curve.KeyPair SERVER = ZMQ.Curve.generateKeyPair();

	public static final ZMQ.Curve.KeyPair CLIENT = ZMQ.Curve.generateKeyPair();

	public static final ZMQ.Curve.KeyPair STRANGER = ZMQ.Curve.generateKeyPair();

	private CurveKeyPairs() {
	}

	/** A new pair written as czmq certificates {@code <name>.key} and {@code <name>.key_secret} in {@code directory}. */
	public static CurveKeys.Certificates certificates(Path directory, String name) {
		return CurveKeys.write(directory, name);
	}

}
