package org.cloudroom.accounts;

import org.jspecify.annotations.Nullable;

/** A person with an account: the operator, or a school's admin, teacher or student. */
public record Person(PersonId id, @Nullable SchoolId schoolId, String username, String givenName,
		String familyName, Role role, @Nullable String language) {

	/** The name as people of its script write it: 王小明 family first and unspaced, Ann Lee given first. */
	public String displayName() {
		if (isHan(familyName) || isHan(givenName)) {
			return familyName + givenName;
		}
		return (givenName + " " + familyName).strip();
	}

	private static boolean isHan(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}
