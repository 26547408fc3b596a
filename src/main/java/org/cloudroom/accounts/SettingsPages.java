package org.cloudroom.accounts;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.cloudroom.status.Refused;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own settings: language (switched from any page) and password, which ends their API tokens. */
@Controller
class SettingsPages {

	private final PasswordLogin login;
	private final People people;
	private final PasswordEncoder passwords;

	SettingsPages(PasswordLogin login, People people, PasswordEncoder passwords) {
		this.login = login;
		this.people = people;
		this.passwords = passwords;
	}

	@GetMapping("/settings")
	String settings() {
		return "settings";
	}

	@PostMapping("/settings/password")
	String changePassword(@AuthenticationPrincipal CloudroomUser user, @RequestParam String current,
			@RequestParam String password, @RequestParam String repeat, HttpServletRequest request,
			RedirectAttributes flash) {
		String problem = null;
		try {
			login.check(user.username(), current, LoginSource.of(request.getRemoteAddr()));
		}
		catch (LoginThrottled throttled) {
			flash.addFlashAttribute("refused", Refused.tooMany(Duration.ofSeconds(throttled.seconds()),
					throttled.messageKey(), throttled.amount()));
			return "redirect:/settings";
		}
		catch (BadCredentialsException e) {
			problem = "settings.current-wrong";
		}
		if (problem == null && (password.length() < 8 || password.length() > 100)) {
			problem = "settings.password-length";
		}
		else if (problem == null && !password.equals(repeat)) {
			problem = "settings.password-mismatch";
		}
		if (problem != null) {
			flash.addFlashAttribute("problem", problem);
			return "redirect:/settings";
		}
		people.setPassword(user.id(), passwords.encode(password), true);
		flash.addFlashAttribute("notice", "settings.password-changed");
		return "redirect:/settings";
	}
}
