package org.zeromq.spring.samples.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the three roles are asked to do; the defaults are the guide's, in {@code application.yml}.
 *
 * @param tasks how many tasks the ventilator sends, and the sink waits for
 * @param maxWorkload the longest task the ventilator makes up, in milliseconds (the shortest is 1)
 * @param workers how many workers the ventilator waits for before it sends anything
 * @param patience how long a role waits for its peers (workers, a batch, the kill signal)
 * before it gives up
 */
@ConfigurationProperties("pipeline")
record PipelineProperties(int tasks, int maxWorkload, int workers, Duration patience) {

}
