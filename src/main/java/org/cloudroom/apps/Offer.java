package org.cloudroom.apps;

/** An app a school may offer, and whether every class of the school gets it. */
record Offer(App app, boolean everyClass) {
}
