package org.cloudroom.apps;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A decision on a teacher's request they have not seen yet, as their home page tells them.
 *
 * @param app the app's name in the teacher's language
 * @param className the class the teacher asked it for
 */
public record DecisionNotice(UUID requestId, String app, String className, boolean approved, @Nullable String note) {
}
