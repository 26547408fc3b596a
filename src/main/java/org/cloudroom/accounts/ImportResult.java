package org.cloudroom.accounts;

import java.util.List;

/** What an import created: the accounts with their initial passwords, and the classes that were new. */
public record ImportResult(int created, List<Credential> people, List<String> classesCreated) {
}
