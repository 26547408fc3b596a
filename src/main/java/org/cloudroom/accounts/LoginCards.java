package org.cloudroom.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login cards: a printed card per person with their name, class, username and a QR code that logs them in. Only a
 * hash of the QR secret is stored, so a card cannot be reprinted as it was: printing issues a new card and voids the
 * old one at once. Printing changes nobody's password, so what was written down from the import still works; only
 * when new passwords are asked for does everyone still on an initial password get a new one, printed on the card.
 * People who chose their own password keep it; their card says so.
 */
@Service
class LoginCards {

	static final String PREFIX = "cloudroom:";

	/**
	 * A card ready to print; {@code password} is the new initial password when one was set for the card, else null:
	 * the person keeps the one they chose ({@code ownPassword}) or were given.
	 */
	record PrintedCard(PersonId person, String displayName, String username, @Nullable String className,
			@Nullable String password, boolean ownPassword, String qrCode) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final People people;
	private final Classes classes;
	private final PasswordEncoder passwords;

	LoginCards(JdbcClient jdbc, People people, Classes classes, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.classes = classes;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** Issues a new card for every student of the class, with new initial passwords only if asked for. */
	@Transactional
	List<PrintedCard> issueForClass(SchoolId school, ClassId classId, boolean newPasswords) {
		var schoolClass = classes.find(school, classId).orElseThrow(Refused::notFound);
		return people.ofClass(classId).stream().filter(p -> p.role() == Role.STUDENT)
			.map(p -> issue(p, schoolClass.name(), newPasswords)).toList();
	}

	/** Issues a new card for one person of the school, voiding their old one; their password stays. */
	@Transactional
	PrintedCard issueFor(SchoolId school, PersonId personId) {
		var person = people.findInSchool(school, personId).orElseThrow(Refused::notFound);
		var className = classes.ofPerson(personId).stream().map(SchoolClass::name).findFirst().orElse(null);
		return issue(person, className, false);
	}

	/** Voids the person's card: it stops working at once. */
	@Transactional
	void voidCard(SchoolId school, PersonId personId) {
		var person = people.findInSchool(school, personId).orElseThrow(Refused::notFound);
		jdbc.sql("update login_card set voided_at = ? where person_id = ? and voided_at is null")
			.params(clock.instant().atOffset(ZoneOffset.UTC), person.id().value()).update();
	}

	/** When each person of the class got the card that is valid now. */
	Map<PersonId, OffsetDateTime> validCards(SchoolId school, ClassId classId) {
		return jdbc.sql("""
				select k.person_id, k.issued_at from login_card k join class_member m on m.person_id = k.person_id
				where m.class_id = ? and k.school_id = ? and k.voided_at is null""")
			.params(classId.value(), school.value())
			.query((rs, row) -> Map.entry(new PersonId(rs.getObject(1, UUID.class)),
					rs.getObject(2, OffsetDateTime.class)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/** The person whose valid card holds this QR text. */
	Optional<CloudroomUser> holder(String qrText) {
		if (!qrText.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select p.id, p.school_id, p.username, p.role from login_card k join person p on p.id = k.person_id
				where k.secret_hash = ? and k.voided_at is null""")
			.param(Secrets.hash(qrText.substring(PREFIX.length())))
			.query((rs, row) -> new CloudroomUser(new PersonId(rs.getObject(1, UUID.class)),
					new SchoolId(rs.getObject(2, UUID.class)), rs.getString(3), Role.valueOf(rs.getString(4))))
			.optional();
	}

	private PrintedCard issue(Person person, @Nullable String className, boolean newPassword) {
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		jdbc.sql("update login_card set voided_at = ? where person_id = ? and voided_at is null")
			.params(now, person.id().value()).update();
		var secret = Secrets.token(16);
		jdbc.sql("insert into login_card (id, school_id, person_id, secret_hash, issued_at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), person.schoolId().value(), person.id().value(), Secrets.hash(secret), now)
			.update();
		String password = null;
		var ownPassword = people.hasOwnPassword(person.id());
		if (newPassword && !ownPassword) {
			password = Secrets.initialPassword();
			people.setPassword(person.id(), passwords.encode(password), false);
		}
		return new PrintedCard(person.id(), person.displayName(), person.username(), className, password,
				ownPassword, QrCodes.pngDataUri(PREFIX + secret, 360));
	}
}
