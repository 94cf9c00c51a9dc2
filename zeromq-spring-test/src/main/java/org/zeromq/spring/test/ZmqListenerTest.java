package org.zeromq.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Puts a {@link ZmqListenerTestHarness} in the application context, so that a test can wait
 * for and inspect the calls of its {@code @ZmqListener} methods by listener id: on a
 * {@code @SpringBootTest} class (Spring Boot applies the {@code @Import} it carries) or on a
 * configuration class the test's context registers, as with Spring AMQP's
 * {@code @RabbitListenerTest}.
 * The beans with listener methods are proxied, so their classes must not be final.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ZmqListenerTestHarness.Registrar.class)
public @interface ZmqListenerTest {

	/** Records every call (arguments, result or exception, thread) for the harness to hand out. */
	boolean capture() default true;

	/**
	 * Wraps each listener bean in a Mockito spy, which {@link ZmqListenerTestHarness#getSpy}
	 * returns for {@code verify}; needs Mockito on the test classpath.
	 */
	boolean spy() default false;

}
