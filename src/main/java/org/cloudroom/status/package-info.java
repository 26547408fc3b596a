/**
 * The one vocabulary of refusals: {@link org.cloudroom.status.Status} gives each way of saying no its HTTP status
 * and WebSocket close code, {@link org.cloudroom.status.Refused} is a refusal said with a translated message key
 * and the {@link org.cloudroom.status.FieldProblem}s behind it. A refusal reaching the JSON API becomes a translated
 * {@code application/problem+json} with a {@code code}; {@link org.cloudroom.status.Refusals} writes the same where
 * no controller answers (the security filters).
 */
@NullMarked
package org.cloudroom.status;

import org.jspecify.annotations.NullMarked;
