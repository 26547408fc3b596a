package org.cloudroom.accounts;

import java.io.Serializable;
import java.security.Principal;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;

/**
 * The person behind a request, as the security context holds them (serialisable, as web sessions are kept in the
 * database; its name is the username, as a session is indexed by it). Its checks answer "not found" for another
 * school's ids, so nobody learns what another school has, and "forbidden" for a role's limits within one's own.
 */
public record CloudroomUser(PersonId id, @Nullable SchoolId school, String username, Role role)
		implements Principal, Serializable {

	@Override
	public String getName() {
		return username;
	}

	public boolean isOperator() {
		return role == Role.OPERATOR;
	}

	/** Refuses unless this person may see the school at all: the operator, or one of its people. */
	public void requireMemberOf(SchoolId schoolId) {
		if (!isOperator() && !schoolId.equals(school)) {
			throw Refused.notFound();
		}
	}

	/** Refuses unless this person runs the school: the operator or the school's admin. */
	public void requireAdminOf(SchoolId schoolId) {
		requireMemberOf(schoolId);
		if (!isOperator() && role != Role.ADMIN) {
			throw new Refused(Status.FORBIDDEN, "error.forbidden");
		}
	}

	/** Refuses unless this person runs the program. */
	public void requireOperator() {
		if (!isOperator()) {
			throw new Refused(Status.FORBIDDEN, "error.forbidden");
		}
	}
}
