package org.cloudroom.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page shows: who is logged in, and the language the page speaks. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final People people;

	PageModel(People people) {
		this.people = people;
	}

	@ModelAttribute("me")
	@Nullable Person me(@AuthenticationPrincipal @Nullable CloudroomUser user) {
		return user == null ? null : people.find(user.id()).orElse(null);
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
	}

	/**
	 * A page that answers a form, such as a sheet of freshly printed cards, has no address to come back to: its
	 * language links would fetch the form's address and lose the page, so it shows none.
	 */
	@ModelAttribute("answersForm")
	boolean answersForm(HttpServletRequest request) {
		return !HttpMethod.GET.matches(request.getMethod());
	}
}
