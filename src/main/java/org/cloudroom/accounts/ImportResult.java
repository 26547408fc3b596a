package org.cloudroom.accounts;

import java.util.List;

/**
 * What an import created: the accounts with their initial passwords, the classes that were new, and how many
 * people of a OneRoster bundle got no account (parents, guardians, disabled users).
 */
public record ImportResult(int created, List<Credential> people, List<String> classesCreated, int skipped) {

	ImportResult withSkipped(int skipped) {
		return new ImportResult(created, people, classesCreated, skipped);
	}
}
