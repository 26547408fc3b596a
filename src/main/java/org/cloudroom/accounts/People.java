package org.cloudroom.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everyone with an account. Usernames are unique across the program, since login asks for no school. */
@Repository
public class People {

	private static final String SELECT = "select id, school_id, username, given_name, family_name, role, language from person";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApiTokens tokens;

	People(JdbcClient jdbc, ApiTokens tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	public Optional<Person> find(PersonId id) {
		return jdbc.sql(SELECT + " where id = ?").param(id.value()).query(People::person).optional();
	}

	public Optional<Person> findInSchool(SchoolId school, PersonId id) {
		return jdbc.sql(SELECT + " where school_id = ? and id = ?").params(school.value(), id.value())
			.query(People::person).optional();
	}

	public Optional<Person> findByUsername(String username) {
		return jdbc.sql(SELECT + " where username = ?").param(normalize(username)).query(People::person).optional();
	}

	public List<Person> ofSchool(SchoolId school) {
		return jdbc.sql(SELECT + " where school_id = ? order by role, family_name, given_name, username")
			.param(school.value()).query(People::person).list();
	}

	public List<Person> ofClass(ClassId schoolClass) {
		return jdbc.sql(SELECT + " where id in (select person_id from class_member where class_id = ?)"
				+ " order by role, family_name, given_name, username")
			.param(schoolClass.value()).query(People::person).list();
	}

	public int count() {
		return jdbc.sql("select count(*) from person").query(Integer.class).single();
	}

	/** Which of these usernames already have an account, in any school: never to be told apart. */
	Set<String> taken(Collection<String> usernames) {
		// In slices: PostgreSQL takes at most 65535 parameters a statement, and a 5 MB file holds more names.
		var names = usernames.stream().distinct().toList();
		var taken = new HashSet<String>();
		for (int from = 0; from < names.size(); from += 1000) {
			taken.addAll(jdbc.sql("select username from person where username in (:names)")
				.param("names", names.subList(from, Math.min(names.size(), from + 1000))).query(String.class).list());
		}
		return taken;
	}

	void insert(NewAccount account) {
		jdbc.sql("""
				insert into person (id, school_id, username, given_name, family_name, role, password_hash,
				                    own_password, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id().value(), account.school() == null ? null : account.school().value(),
					account.username(), account.givenName(), account.familyName(), account.role().name(),
					account.passwordHash(), account.ownPassword(), clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	public void setLanguage(PersonId person, @Nullable String language) {
		jdbc.sql("update person set language = ? where id = ?").params(language, person.value()).update();
	}

	/** Sets a new password; the person's API tokens end with the old one. */
	void setPassword(PersonId person, String passwordHash, boolean ownPassword) {
		jdbc.sql("update person set password_hash = ?, own_password = ? where id = ?")
			.params(passwordHash, ownPassword, person.value()).update();
		tokens.revokeAll(person);
	}

	String passwordHash(PersonId person) {
		return jdbc.sql("select password_hash from person where id = ?").param(person.value()).query(String.class)
			.single();
	}

	boolean hasOwnPassword(PersonId person) {
		return jdbc.sql("select own_password from person where id = ?").param(person.value()).query(Boolean.class)
			.single();
	}

	static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static Person person(ResultSet rs, int row) throws SQLException {
		var school = rs.getObject("school_id", UUID.class);
		return new Person(new PersonId(rs.getObject("id", UUID.class)), school == null ? null : new SchoolId(school),
				rs.getString("username"), rs.getString("given_name"), rs.getString("family_name"),
				Role.valueOf(rs.getString("role")), rs.getString("language"));
	}
}
