package org.cloudroom.accounts;

import java.math.BigDecimal;
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

	/**
	 * Sets the school's uplink to the servers from what a person typed in Mbit/s (up to three decimals, 1 to 10000),
	 * or no limit when it is empty; anything else is refused and nothing changes.
	 */
	public void setUplink(SchoolId school, String mbitPerSecond) {
		var typed = mbitPerSecond.strip().replace(',', '.');
		if (typed.isEmpty()) {
			schools.setUplink(school, null);
			return;
		}
		if (!typed.matches("[0-9]{1,5}(\\.[0-9]{1,3})?")
				|| new BigDecimal(typed).compareTo(BigDecimal.ONE) < 0
				|| new BigDecimal(typed).compareTo(BigDecimal.valueOf(10_000)) > 0) {
			throw new Refused(Status.UNPROCESSABLE, List.of(FieldProblem.field("uplink", "school.uplink-range", 1,
					10_000)), "school.uplink-range", 1, 10_000);
		}
		schools.setUplink(school, new BigDecimal(typed).movePointRight(3).intValueExact());
	}
}
