package org.zeromq.spring.samples.pipeline;

/**
 * The ventilator's word to the sink that a batch has started (the guide's start-of-batch
 * message): the sink starts its clock and learns how many results to wait for.
 *
 * @param tasks how many tasks the batch has
 */
public record Batch(int tasks) {

}
