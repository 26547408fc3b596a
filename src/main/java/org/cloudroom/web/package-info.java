/**
 * The web shell every page shares: the home page of each role, the page layout, and the language a page is shown
 * in (the person's setting, then the browser's, switchable on every page).
 */
@NullMarked
package org.cloudroom.web;

import org.jspecify.annotations.NullMarked;
