package org.zeromq.spring.samples.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the roles are asked to do; the defaults are the guide's, in {@code application.yml}.
 *
 * @param subscribers how many subscribers the publisher waits for before it broadcasts
 * @param updates how many "Rhubarb" updates the publisher broadcasts before "END"
 * @param patience how long a role waits for its peers before it gives up
 */
@ConfigurationProperties("sync")
record SyncProperties(int subscribers, long updates, Duration patience) {

}
