package org.zeromq.spring.samples.pipeline;

/**
 * What a worker sends the sink for each task it did.
 *
 * @param task the task's number
 * @param workload how long the task took, in milliseconds
 * @param worker the name of the worker that did it
 */
public record TaskResult(int task, int workload, String worker) {

}
