/**
 * Reporting: students' study time and the program's figures. It only listens to other modules' events (active
 * minutes from the gateway, desktops started and stopped), keeps its own daily aggregates and answers figures per
 * student, class, school and the whole program, as pages, JSON and CSV. It offers no Java types to other modules.
 */
@NullMarked
package org.cloudroom.reporting;

import org.jspecify.annotations.NullMarked;
