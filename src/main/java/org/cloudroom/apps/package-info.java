/**
 * Apps: the catalog of desktop applications, which apps a school offers and a class gets, teachers' requests and
 * their decisions, and the versioned desktop profile every new desktop is built from. It offers
 * {@link org.cloudroom.apps.Availability} (the {@link org.cloudroom.apps.App}s a person may run),
 * {@link org.cloudroom.apps.Profiles} (a new desktop's {@link org.cloudroom.apps.Profile} and
 * {@link org.cloudroom.apps.DefaultApps}) and {@link org.cloudroom.apps.AppRequests} (with the
 * {@link org.cloudroom.apps.DecisionNotice}s a teacher is told once), and publishes
 * {@link org.cloudroom.apps.AppsChanged} when what a school's people get changes. It listens to no other module.
 */
@NullMarked
package org.cloudroom.apps;

import org.jspecify.annotations.NullMarked;
