package org.cloudroom.accounts;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start, creates the operator {@code admin}; with {@code cloudroom.accounts.demo} also a demo
 * school with a teacher and a class of 25 students, and prints their credentials. On a later start with
 * {@code cloudroom.accounts.admin-password} set and not the operator's password, makes it theirs and forgets the
 * failed logins counted against them: whoever runs the server can always let the operator back in.
 */
@Component
class FirstStart implements ApplicationRunner {

	static final String DEMO_SCHOOL = "Demo Primary School";
	static final String OPERATOR = "admin";
	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
	private static final String[] FAMILY = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };
	private static final String[] GIVEN = { "小明", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "思远", "佳琪",
			"俊杰", "诗涵", "一诺", "晨阳" };

	private final People people;
	private final Schools schools;
	private final Program program;
	private final Roster roster;
	private final PasswordEncoder passwords;
	private final AccountsSettings settings;
	private final LoginThrottle throttle;

	FirstStart(People people, Schools schools, Program program, Roster roster, PasswordEncoder passwords,
			AccountsSettings settings, LoginThrottle throttle) {
		this.people = people;
		this.schools = schools;
		this.program = program;
		this.roster = roster;
		this.passwords = passwords;
		this.settings = settings;
		this.throttle = throttle;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		var operator = people.findByUsername(OPERATOR);
		if (operator.isEmpty()) {
			createOperator(settings.adminPassword());
		}
		else if (settings.adminPassword() != null && !settings.adminPassword().isBlank()) {
			resetOperator(operator.get().id(), settings.adminPassword());
		}
		if (settings.demo() && schools.all().stream().noneMatch(s -> s.name().equals(DEMO_SCHOOL))) {
			createDemo();
		}
	}

	private void createOperator(@Nullable String configured) {
		var password = configured == null || configured.isBlank() ? Secrets.initialPassword() + Secrets.initialPassword()
				: configured;
		people.insert(new NewAccount(PersonId.random(), null, OPERATOR, "Program", "Operator", Role.OPERATOR,
				passwords.encode(password), configured != null && !configured.isBlank()));
		if (configured == null || configured.isBlank()) {
			print("Cloudroom operator created (shown only this once)", List.of(OPERATOR + "  " + password));
		}
	}

	private void resetOperator(PersonId operator, String configured) {
		if (!passwords.matches(configured, people.passwordHash(operator))) {
			people.setPassword(operator, passwords.encode(configured), true);
			throttle.clearAccount(OPERATOR);
			log.warn("The operator's password was set to cloudroom.accounts.admin-password (CLOUDROOM_ADMIN_PASSWORD);"
					+ " their failed logins and API tokens are forgotten");
		}
	}

	private void createDemo() {
		var opened = program.open(DEMO_SCHOOL, 500, "demo-admin", "Hong", "Lin");
		var school = opened.school().id();
		var rows = new ArrayList<RosterRow>();
		rows.add(new RosterRow(null, 0, "demo-teacher", "Mei", "Zhou", "teacher", List.of("Grade 5 Class 2"), null));
		for (int i = 1; i <= 25; i++) {
			rows.add(new RosterRow(null, i, "demo-student%02d".formatted(i), GIVEN[i % GIVEN.length],
					FAMILY[i % FAMILY.length], "student", List.of("Grade 5 Class 2"), null));
		}
		var created = roster.add(school, rows, true);
		var lines = new ArrayList<String>();
		lines.add(opened.admin().username() + "  " + opened.admin().initialPassword() + "  (school admin)");
		created.people().forEach(c -> lines.add(c.username() + "  " + c.initialPassword() + "  " + c.displayName()));
		print("Demo school \"" + DEMO_SCHOOL + "\" created", lines);
	}

	private static void print(String title, List<String> lines) {
		var text = new StringBuilder("\n\n  ").append(title).append('\n');
		lines.forEach(line -> text.append("    ").append(line).append('\n'));
		log.info(text.toString());
	}
}
