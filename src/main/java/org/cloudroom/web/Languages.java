package org.cloudroom.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page speaks: the person's own setting, then the language chosen on this browser, then the
 * browser's Accept-Language; zh-CN and English. {@code ?lang=zh-CN} or {@code ?lang=en} on any page switches,
 * and is kept in the person's account when they are logged in.
 */
class Languages implements LocaleResolver, HandlerInterceptor {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
	private static final String COOKIE = "cloudroom-lang";
	private static final String SESSION = Languages.class.getName();
	private static final String CHECKED = SESSION + ".checked";

	private final People people;

	Languages(People people) {
		this.people = people;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION) instanceof Locale chosen) {
			return chosen;
		}
		var user = currentUser();
		boolean checked = session != null && session.getAttribute(CHECKED) != null;
		if (user != null && !checked) {
			var own = people.find(user.id()).map(p -> p.language()).flatMap(Languages::supported);
			// Remembered in a session that exists already (an API request with a bearer token opens none), so the
			// account is read once a session, not on every page.
			if (session != null) {
				session.setAttribute(CHECKED, Boolean.TRUE);
				own.ifPresent(locale -> session.setAttribute(SESSION, locale));
			}
			if (own.isPresent()) {
				return own.get();
			}
		}
		if (request.getCookies() != null) {
			for (var cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					var chosen = supported(cookie.getValue());
					if (chosen.isPresent()) {
						return chosen.get();
					}
				}
			}
		}
		return browserLanguage(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (locale == null) {
			return;
		}
		request.getSession().setAttribute(SESSION, locale);
		if (response != null) {
			var cookie = new Cookie(COOKIE, locale.toLanguageTag());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			response.addCookie(cookie);
		}
		var user = currentUser();
		if (user != null) {
			people.setLanguage(user.id(), locale.toLanguageTag());
		}
	}

	/** Switches on {@code ?lang=}; an unknown language is ignored. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var wanted = request.getParameter("lang");
		if (wanted != null) {
			supported(wanted).ifPresent(locale -> setLocale(request, response, locale));
		}
		return true;
	}

	static Optional<Locale> supported(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		var language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	private static Locale browserLanguage(HttpServletRequest request) {
		var header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				for (var range : Locale.LanguageRange.parse(header)) {
					var match = supported(range.getRange());
					if (match.isPresent()) {
						return match.get();
					}
				}
			}
			catch (IllegalArgumentException e) {
				// a malformed header counts as none
			}
		}
		return Locale.ENGLISH;
	}

	private static @Nullable CloudroomUser currentUser() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CloudroomUser user ? user : null;
	}
}
