/**
 * Accounts: the operator, schools, classes, people and their roles, login (password, QR card, API token), bulk
 * import and login cards.
 */
@NullMarked
package org.cloudroom.accounts;

import org.jspecify.annotations.NullMarked;
