package org.zeromq.spring.test;

import org.mockito.Mockito;

/**
 * Mockito, kept out of {@link ZmqListenerTestHarness} so that the harness loads without it when
 * it does not spy.
 */
final class MockitoSpy {

	private MockitoSpy() {
	}

	static Object of(Object bean) {
		return Mockito.spy(bean);
	}

}
