package org.zeromq.spring.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SpringBootTest} class: every tcp endpoint a declared socket binds
 * ({@code zeromq.sockets.<name>.bind}, as the application's configuration resolves it) becomes
 * {@code tcp://127.0.0.1:*}, a loopback port the operating system picks when the socket binds,
 * so that tests never collide with each other or with anything else on the machine; inproc and
 * ipc binds stay as they are. Where each socket bound is then the property
 * {@code local.zeromq.sockets.<name>.endpoint} (its first bind endpoint, as Spring Boot's
 * {@code local.server.port} is the web server's port), for {@code @Value} in the test and in
 * beans created after the sockets opened.
 * <p>
 * Connect endpoints stay as they are: a port the system picks is known only once the socket
 * has bound, after the connect endpoints were read. A socket that connects to one of the
 * application's own binds in a test connects over inproc, to a second (inproc) bind of that
 * socket.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EphemeralZmqEndpoints {

}
