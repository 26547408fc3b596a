package org.cloudroom.status;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on a web page: the page {@code error} with the translated reason and the right status. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class ErrorPages {

	@ExceptionHandler(Refused.class)
	ModelAndView refused(Refused refused, HttpServletResponse response) {
		response.setStatus(refused.status().http());
		var page = new ModelAndView("error");
		page.addObject("status", refused.status().http());
		page.addObject("messageKey", refused.messageKey());
		page.addObject("messageArgs", refused.args());
		page.addObject("problems", refused.problems());
		return page;
	}
}
