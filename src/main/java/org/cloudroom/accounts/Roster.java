package org.cloudroom.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.regex.Pattern;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a school: adds classes and people, one by one or a whole file at once. Adding is all or nothing:
 * every row is checked first, and one bad row refuses the lot with the problem of each row, creating nobody.
 * <p>
 * Usernames are unique across the program, as every school logs in on the same page with a username alone. A name
 * that cannot be used, whether a person of this school or of another has it or it is kept for the program, is
 * refused with one answer that says none of this: nobody learns from it who has an account in another school.
 */
@Service
class Roster {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
	/** Names that look like the program's own staff on a login page every school shares. */
	private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "operator", "system",
			"cloudroom", "support", "help", "security", "teacher", "student", "guest", "test");
	private static final int NAME_LIMIT = 100;

	private final Schools schools;
	private final Classes classes;
	private final People people;
	private final PasswordEncoder passwords;

	Roster(Schools schools, Classes classes, People people, PasswordEncoder passwords) {
		this.schools = schools;
		this.classes = classes;
		this.people = people;
		this.passwords = passwords;
	}

	@Transactional
	SchoolClass addClass(SchoolId school, String name) {
		var problem = nameProblem(name, null, 0, "name");
		if (problem != null) {
			throw new Refused(Status.UNPROCESSABLE, List.of(problem), problem.message(), problem.args());
		}
		schools.lock(school);
		if (classes.findByName(school, name.strip()).isPresent()) {
			throw new Refused(Status.CONFLICT, List.of(FieldProblem.field("name", "class.exists", name.strip())),
					"class.exists", name.strip());
		}
		return classes.insert(school, name.strip());
	}

	/** Adds the people of the rows, creating classes that do not exist yet when {@code createClasses}. */
	@Transactional
	ImportResult add(SchoolId schoolId, List<RosterRow> rows, boolean createClasses) {
		return add(schoolId, rows, createClasses, Progress.NONE);
	}

	/** As {@link #add(SchoolId, List, boolean)}, telling {@code progress} of each account made ready. */
	@Transactional
	ImportResult add(SchoolId schoolId, List<RosterRow> rows, boolean createClasses, Progress progress) {
		var school = schools.lock(schoolId);
		var problems = new ArrayList<FieldProblem>();
		if (rows.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, "import.empty");
		}
		var existing = new HashMap<String, SchoolClass>();
		classes.ofSchool(schoolId).forEach(c -> existing.put(c.name().toLowerCase(Locale.ROOT), c));
		var newClasses = new LinkedHashSet<String>();
		var firstRowOf = new HashMap<String, Integer>();
		var taken = people.taken(rows.stream().map(r -> People.normalize(r.username())).toList());
		for (var row : rows) {
			check(row, firstRowOf, taken, problems);
			for (var name : row.classes()) {
				var problem = nameProblem(name, row.file(), row.row(), "class");
				if (problem != null) {
					problems.add(problem);
				}
				else if (!existing.containsKey(name.strip().toLowerCase(Locale.ROOT))) {
					if (createClasses) {
						newClasses.add(name.strip());
					}
					else {
						problems.add(new FieldProblem(row.file(), row.row(), "class", "import.class-unknown", name));
					}
				}
			}
		}
		if (school.accountsUsed() + rows.size() > school.accountQuota()) {
			var over = rows.get(Math.max(0, school.accountsLeft()));
			problems.add(new FieldProblem(over.file(), over.row(), "username", "import.over-quota",
					school.accountQuota(), school.accountsLeft(), rows.size()));
		}
		if (!problems.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, problems, "import.refused", problems.size());
		}
		for (var name : newClasses) {
			var created = classes.insert(schoolId, name);
			existing.put(name.toLowerCase(Locale.ROOT), created);
		}
		var credentials = hashAndStore(schoolId, rows, existing, progress);
		return new ImportResult(credentials.size(), credentials, List.copyOf(newClasses), 0);
	}

	private List<Credential> hashAndStore(SchoolId school, List<RosterRow> rows, Map<String, SchoolClass> byName,
			Progress progress) {
		record Ready(RosterRow row, NewAccount account, String password) {
		}
		// bcrypt is slow on purpose (about 60 ms a password here); spread it over the cores, then store in order.
		var done = new AtomicInteger();
		var ready = rows.parallelStream().map(row -> {
			var password = row.password() == null || row.password().isBlank() ? Secrets.initialPassword()
					: row.password();
			var account = new NewAccount(PersonId.random(), school, People.normalize(row.username()),
					row.givenName().strip(), row.familyName().strip(), Role.ofImport(row.role()).orElseThrow(),
					passwords.encode(password), false);
			progress.advanced(done.incrementAndGet(), rows.size());
			return new Ready(row, account, password);
		}).toList();
		var credentials = new ArrayList<Credential>(ready.size());
		for (var each : ready) {
			people.insert(each.account());
			var joined = new LinkedHashMap<String, SchoolClass>();
			each.row().classes().forEach(name -> {
				var schoolClass = byName.get(name.strip().toLowerCase(Locale.ROOT));
				joined.putIfAbsent(schoolClass.id().toString(), schoolClass);
			});
			joined.values().forEach(c -> classes.addMember(c, each.account().id()));
			var account = each.account();
			var shown = new Person(account.id(), school, account.username(), account.givenName(),
					account.familyName(), account.role(), null);
			credentials.add(new Credential(account.username(), shown.displayName(),
					joined.isEmpty() ? null : joined.values().iterator().next().name(), each.password()));
		}
		return credentials;
	}

	private void check(RosterRow row, Map<String, Integer> firstRowOf, Set<String> taken,
			List<FieldProblem> problems) {
		var username = People.normalize(row.username());
		if (username.isEmpty()) {
			problems.add(problem(row, "username", "import.required"));
		}
		else if (!USERNAME.matcher(username).matches()) {
			problems.add(problem(row, "username", "import.username-invalid", row.username()));
		}
		else if (firstRowOf.containsKey(username)) {
			problems.add(problem(row, "username", "import.username-repeated", username, firstRowOf.get(username)));
		}
		else if (taken.contains(username) || RESERVED.contains(username)) {
			problems.add(problem(row, "username", "import.username-unavailable", username));
		}
		firstRowOf.putIfAbsent(username, row.row());
		for (var field : List.of(new String[] { "given_name", row.givenName() },
				new String[] { "family_name", row.familyName() })) {
			var problem = nameProblem(field[1], row.file(), row.row(), field[0]);
			if (problem != null) {
				problems.add(problem);
			}
		}
		if (row.role().isBlank()) {
			problems.add(problem(row, "role", "import.required"));
		}
		else if (Role.ofImport(row.role()).isEmpty()) {
			problems.add(problem(row, "role", "import.role-unknown", row.role()));
		}
		var password = row.password();
		if (password != null && !password.isEmpty() && (password.length() < 6 || password.length() > 100)) {
			problems.add(problem(row, "password", "import.password-length", 6, 100));
		}
	}

	private static FieldProblem problem(RosterRow row, String column, String message, Object... args) {
		return new FieldProblem(row.file(), row.row(), column, message, args);
	}

	private static FieldProblem nameProblem(String value, String file, int row, String column) {
		var name = value.strip();
		if (name.isEmpty()) {
			return new FieldProblem(file, row, column, "import.required");
		}
		if (name.length() > NAME_LIMIT) {
			return new FieldProblem(file, row, column, "import.too-long", NAME_LIMIT);
		}
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			return new FieldProblem(file, row, column, "import.control-characters");
		}
		return null;
	}
}
