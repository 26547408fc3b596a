package org.cloudroom.accounts;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cloudroom.https.SecureAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The login page: a username and password, or a login card held up to the webcam (frames are read here on the
 * server, so the oldest browser with a camera will do) or photographed and uploaded.
 */
@Controller
class LoginPages {

	static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;

	private final LoginCards cards;
	private final LoginThrottle throttle;
	private final OwnAddresses ownAddresses;
	private final SecurityContextRepository contexts;
	private final MessageSource messages;
	private final SecureAddress secureAddress;

	LoginPages(LoginCards cards, LoginThrottle throttle, OwnAddresses ownAddresses, SecurityContextRepository contexts,
			MessageSource messages, SecureAddress secureAddress) {
		this.cards = cards;
		this.throttle = throttle;
		this.ownAddresses = ownAddresses;
		this.contexts = contexts;
		this.messages = messages;
		this.secureAddress = secureAddress;
	}

	/**
	 * The login page; after too many failed logins it says how many seconds to wait ({@code ?wait=}). Over plain
	 * HTTP it points to the HTTPS address, where browsers allow the camera.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "wait", required = false) @Nullable String wait, HttpServletRequest request,
			Model model) {
		secureAddress.of(request).ifPresent(address -> {
			model.addAttribute("secureLogin", address);
			model.addAttribute("authority", secureAddress.authority().isPresent());
		});
		if (wait != null && wait.matches("[0-9]{1,6}")) {
			var throttled = LoginThrottled.ofSeconds(Long.parseLong(wait));
			model.addAttribute("waitKey", throttled.messageKey());
			model.addAttribute("waitAmount", throttled.amount());
		}
		return "login";
	}

	/**
	 * One webcam frame or one photo of a card. Answers 200 with where to go once logged in, 422 when no QR code
	 * is in the picture (the page just sends the next frame), 401 when the card is not, or no longer, valid, and 429
	 * with when to try again when too many cards that are not valid came from the same address.
	 */
	@PostMapping("/login/card")
	@ResponseBody
	ResponseEntity<Map<String, Object>> card(@RequestParam("image") MultipartFile image, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (image.getSize() > MAX_IMAGE_BYTES) {
			return answer(413, "card.image-too-large");
		}
		var source = LoginSource.of(request.getRemoteAddr());
		var limits = List.of(throttle.cards(source));
		try {
			throttle.check(limits);
		}
		catch (LoginThrottled throttled) {
			return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.seconds()))
				.body(Map.of("found", true, "message", messages.getMessage(throttled.messageKey(),
						new Object[] { throttled.amount() }, LocaleContextHolder.getLocale())));
		}
		var text = QrCodes.read(image.getBytes());
		if (text.isEmpty()) {
			return ResponseEntity.unprocessableContent().body(Map.of("found", false));
		}
		var holder = cards.holder(text.get());
		if (holder.isEmpty()) {
			throttle.failed(limits);
			return answer(401, "card.invalid");
		}
		ownAddresses.remember(holder.get().id(), source);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PasswordLogin.authenticated(holder.get()));
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		contexts.saveContext(context, request, response);
		return ResponseEntity.ok(Map.of("found", true, "redirect", request.getContextPath() + "/"));
	}

	private ResponseEntity<Map<String, Object>> answer(int status, String key) {
		return ResponseEntity.status(status).body(Map.of("found", true, "message",
				messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
	}
}
