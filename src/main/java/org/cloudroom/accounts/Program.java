package org.cloudroom.accounts;

import java.util.ArrayList;
import java.util.List;

import org.cloudroom.status.FieldProblem;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's work: opening schools with their account quota and their first admin. */
@Service
public class Program {

	/** The school as opened, and the credential of its admin. */
	public record OpenedSchool(School school, Credential admin) {
	}

	private final Schools schools;
	private final Roster roster;

	Program(Schools schools, Roster roster) {
		this.schools = schools;
		this.roster = roster;
	}

	@Transactional
	public OpenedSchool open(String name, int accountQuota, String adminUsername, String adminGivenName,
			String adminFamilyName) {
		var problems = new ArrayList<FieldProblem>();
		if (name.isBlank()) {
			problems.add(FieldProblem.field("name", "import.required"));
		}
		else if (name.strip().length() > 200) {
			problems.add(FieldProblem.field("name", "import.too-long", 200));
		}
		else if (schools.nameTaken(name.strip())) {
			problems.add(FieldProblem.field("name", "school.exists", name.strip()));
		}
		if (accountQuota < 1 || accountQuota > 1_000_000) {
			problems.add(FieldProblem.field("accountQuota", "school.quota-range", 1, 1_000_000));
		}
		if (!problems.isEmpty()) {
			throw new Refused(Status.UNPROCESSABLE, problems, problems.getFirst().message(),
					problems.getFirst().args());
		}
		var school = schools.insert(name.strip(), accountQuota);
		var admin = roster.add(school.id(), List.of(new RosterRow(null, 0, adminUsername, adminGivenName,
				adminFamilyName, "admin", List.of(), null)), false).people().getFirst();
		return new OpenedSchool(schools.find(school.id()).orElseThrow(), admin);
	}
}
