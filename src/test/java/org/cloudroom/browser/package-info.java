/**
 * Browser tests: what the operator, a school admin and a student do, in headless Chromium against the running
 * server. They cross the accounts and web modules as a person does, so they live apart from both.
 */
@NullMarked
package org.cloudroom.browser;

import org.jspecify.annotations.NullMarked;
