/**
 * Accounts: the operator, schools, classes, people and their roles, login (password, QR card, API token), bulk
 * import and login cards. It offers the ids every module uses ({@link org.cloudroom.accounts.PersonId},
 * {@link org.cloudroom.accounts.SchoolId}, {@link org.cloudroom.accounts.ClassId}), the person logged in
 * ({@link org.cloudroom.accounts.CloudroomUser} and their {@link org.cloudroom.accounts.Role}), who is who
 * ({@link org.cloudroom.accounts.People}, {@link org.cloudroom.accounts.Schools},
 * {@link org.cloudroom.accounts.Classes}), and for opening schools and filling them
 * ({@link org.cloudroom.accounts.Program}, {@link org.cloudroom.accounts.PeopleImport}); it listens to no other
 * module.
 */
@NullMarked
package org.cloudroom.accounts;

import org.jspecify.annotations.NullMarked;
