package org.cloudroom.accounts;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Unlocking on the class page: a teacher of the class lets one of its students log in again at once, a school admin
 * anyone of the class, by forgetting every failed login counted for their account. Another school's class or person
 * is "not found"; a teacher of another class, or a teacher unlocking a teacher, is "forbidden".
 */
@Controller
class LoginWaits {

	private final Classes classes;
	private final People people;
	private final LoginThrottle throttle;

	LoginWaits(Classes classes, People people, LoginThrottle throttle) {
		this.classes = classes;
		this.people = people;
		this.throttle = throttle;
	}

	@PostMapping("/schools/{schoolId}/classes/{classId}/people/{personId}/unlock")
	String unlock(@AuthenticationPrincipal CloudroomUser user, @PathVariable SchoolId schoolId,
			@PathVariable ClassId classId, @PathVariable PersonId personId, RedirectAttributes flash) {
		user.requireMemberOf(schoolId);
		var schoolClass = classes.requireTeacherOf(user, classId);
		if (!schoolClass.schoolId().equals(schoolId) || !classes.hasMember(classId, personId)) {
			throw Refused.notFound();
		}
		var person = people.findInSchool(schoolId, personId).orElseThrow(Refused::notFound);
		if (user.role() == Role.TEACHER && person.role() != Role.STUDENT) {
			throw new Refused(Status.FORBIDDEN, "error.forbidden");
		}
		throttle.clearAccount(person.username());
		flash.addFlashAttribute("notice", "class.unlocked");
		return "redirect:/schools/" + schoolId + "/classes/" + classId;
	}
}
