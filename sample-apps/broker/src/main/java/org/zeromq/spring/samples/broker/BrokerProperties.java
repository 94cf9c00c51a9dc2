package org.zeromq.spring.samples.broker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the roles are asked to do; the defaults are the guide's, in {@code application.yml}.
 *
 * @param requests how many requests the client sends before it exits
 * @param work how long the worker "works" on each request, as the guide's sleeps
 * @param patience how long the client waits for each reply before it gives up
 */
@ConfigurationProperties("broker")
record BrokerProperties(int requests, Duration work, Duration patience) {

}
