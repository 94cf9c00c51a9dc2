package org.zeromq.spring.samples.support;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class RolePlayTests {

	private final RolePlay rolePlay = new RolePlay(List.of("server", "client"));

	@Test
	void playsTheRoleThatEndsAndClosesTheApplicationWithItsExitCode() throws InterruptedException {
		AnnotationConfigApplicationContext context = started("client");
		context.registerBean(Role.class, () -> () -> 7);
		context.refresh();

		assertThat(this.rolePlay.playAndExit(context)).isEqualTo(7);
		assertThat(context.isClosed()).isTrue();
	}

	@Test
	void leavesARoleWithoutAnEndServing() throws InterruptedException {
		AnnotationConfigApplicationContext context = started("server");
		context.refresh();

		assertThat(this.rolePlay.playAndExit(context)).isEqualTo(RolePlay.SERVING);
		assertThat(context.isActive()).isTrue();
		context.close();
	}

	@Test
	void closesTheApplicationWithAUsageErrorWhenNoRoleWasChosen() throws InterruptedException {
		AnnotationConfigApplicationContext context = started();
		context.refresh();

		assertThat(this.rolePlay.playAndExit(context)).isEqualTo(RolePlay.USAGE);
		assertThat(context.isClosed()).isTrue();
	}

	@Test
	void rolesThatAllEndNeverServe() throws InterruptedException {
		AnnotationConfigApplicationContext context = started("sink");
		context.refresh();

		assertThat(RolePlay.ending("sink or worker").playAndExit(context)).isEqualTo(RolePlay.USAGE);
		assertThat(context.isClosed()).isTrue();
	}

	private static AnnotationConfigApplicationContext started(String... profiles) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().setActiveProfiles(profiles);
		return context;
	}

}
