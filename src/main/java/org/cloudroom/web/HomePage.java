package org.cloudroom.web;

import java.util.Locale;

import org.cloudroom.accounts.Classes;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.apps.AppRequests;
import org.cloudroom.drive.Homework;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where each person lands after login: their role's home; a teacher's tells them of decisions on their requests, a
 * student's what they are to hand in.
 */
@Controller
class HomePage {

	private final Classes classes;
	private final AppRequests appRequests;
	private final Homework homework;

	HomePage(Classes classes, AppRequests appRequests, Homework homework) {
		this.classes = classes;
		this.appRequests = appRequests;
		this.homework = homework;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CloudroomUser user, Model model, Locale locale) {
		return switch (user.role()) {
			case OPERATOR -> "redirect:/schools";
			case ADMIN -> "redirect:/schools/" + user.school();
			case TEACHER -> {
				model.addAttribute("classes", classes.ofPerson(user.id()));
				model.addAttribute("decisions", appRequests.takeUnseenDecisions(user, locale));
				yield "home/teacher";
			}
			case STUDENT -> {
				model.addAttribute("classes", classes.ofPerson(user.id()));
				model.addAttribute("homework", homework.shownTo(user));
				yield "home/student";
			}
		};
	}
}
