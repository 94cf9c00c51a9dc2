package org.zeromq.spring.samples.pipeline;

/**
 * One task from the ventilator.
 *
 * @param number the task's place in its batch, from 1
 * @param workload how long the task takes, in milliseconds
 */
public record Task(int number, int workload) {

}
