package org.zeromq.spring.benchmarks.harness;

/**
 * Where a scenario sits on a sweep, a row of scenarios that differ in one parameter (message
 * size, peers, clients, sockets): the CSV carries it so that the {@code chart} command can draw
 * one curve per side over the parameter.
 *
 * @param sweep names the sweep, the same for every point of it, e.g. {@code sweep size}
 * @param parameter what varies, with its unit, e.g. {@code message size (bytes)}: the x axis
 * @param value the parameter's value in this scenario
 */
public record SweepPoint(String sweep, String parameter, long value) {

}
