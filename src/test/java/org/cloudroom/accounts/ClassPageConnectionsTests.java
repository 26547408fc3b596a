package org.cloudroom.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The cause of the server that stopped mid-lesson (issue #15): every view of a class page (the teacher's or the
 * admin's, with its login cards) kept a database connection for good, so after as many views as the pool has
 * connections every page and login waited and failed. Here the pool has three connections and the page is opened
 * five times, each on a thread of its own as the server's requests are.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:class_page_connections;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=2000" })
@AutoConfigureMockMvc
class ClassPageConnectionsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	Classes classes;

	@Autowired
	DataSource dataSource;

	@Test
	void aClassPageOpenedMoreOftenThanThePoolHasConnectionsGivesEveryConnectionBack() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Pool School " + tag, 20, "pool-" + tag, "Hong", "Lin");
		var school = opened.school().id();
		peopleImport.importFile(school, new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				ming-%1$s,小明,王,student,五年级二班
				""".formatted(tag).getBytes(UTF_8)), false);
		var schoolClass = classes.findByName(school, "五年级二班").orElseThrow();
		var session = login(opened.admin().username(), opened.admin().initialPassword());

		var pages = new ArrayList<Future<Integer>>();
		try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 5; i++) {
				pages.add(requests.submit(() -> mvc.get().uri("/schools/{s}/classes/{c}", school.value(),
						schoolClass.id().value()).cookie(session).exchange().getResponse().getStatus()));
				pages.getLast().get(30, TimeUnit.SECONDS);
			}
		}

		assertThat(pages).allSatisfy(page -> assertThat(page.get()).isEqualTo(200));
		assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
			.as("connections still held after the pages were answered").isZero();
	}

	private Cookie login(String username, String password) {
		var result = mvc.post().uri("/login").param("username", username).param("password", password).with(csrf())
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		return result.getResponse().getCookie("SESSION");
	}
}
