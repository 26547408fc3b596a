package org.cloudroom.web;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where each person lands after login: their role's home. */
@Controller
class HomePage {

	private final Classes classes;

	HomePage(Classes classes) {
		this.classes = classes;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CloudroomUser user, Model model) {
		return switch (user.role()) {
			case OPERATOR -> "redirect:/schools";
			case ADMIN -> "redirect:/schools/" + user.school();
			case TEACHER -> {
				model.addAttribute("classes", classes.ofPerson(user.id()));
				yield "home/teacher";
			}
			case STUDENT -> {
				model.addAttribute("classes", classes.ofPerson(user.id()));
				yield "home/student";
			}
		};
	}
}
