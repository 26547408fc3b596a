package org.cloudroom.web;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.status.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a web page: the page {@code error} with the translated reason and the right status, in the same
 * layout as every page (who is logged in, the language).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class ErrorPages {

	private final PageModel pageModel;

	ErrorPages(PageModel pageModel) {
		this.pageModel = pageModel;
	}

	@ExceptionHandler(Refused.class)
	ModelAndView refused(Refused refused, HttpServletRequest request, HttpServletResponse response,
			@Nullable Principal principal, Locale locale) {
		response.setStatus(refused.status().http());
		var page = new ModelAndView("error");
		page.addObject("status", refused.status().http());
		page.addObject("messageKey", refused.messageKey());
		page.addObject("messageArgs", refused.args());
		page.addObject("problems", refused.problems());
		page.addObject("me", pageModel.me(userOf(principal)));
		page.addObject("lang", pageModel.lang(locale));
		page.addObject("answersForm", pageModel.answersForm(request));
		return page;
	}

	private static @Nullable CloudroomUser userOf(@Nullable Principal principal) {
		return principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof CloudroomUser user ? user : null;
	}
}
