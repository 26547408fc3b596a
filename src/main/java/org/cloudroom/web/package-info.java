/**
 * The web shell every page shares: the home page of each role, the page layout, the error pages, security headers,
 * and the language a page is shown in (the person's setting, then the browser's, switchable on every page). It
 * offers {@link org.cloudroom.web.Times}, which shows times on pages in the schools' time zone.
 */
@NullMarked
package org.cloudroom.web;

import org.jspecify.annotations.NullMarked;
