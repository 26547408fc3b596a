package org.cloudroom.apps;

import org.cloudroom.accounts.SchoolId;

/** The apps some people of a school may run have changed: running desktops of the school refresh their menus. */
public record AppsChanged(SchoolId school) {
}
