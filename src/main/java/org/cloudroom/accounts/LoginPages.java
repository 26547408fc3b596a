package org.cloudroom.accounts;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
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
	private final SecurityContextRepository contexts;
	private final MessageSource messages;

	LoginPages(LoginCards cards, SecurityContextRepository contexts, MessageSource messages) {
		this.cards = cards;
		this.contexts = contexts;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * One webcam frame or one photo of a card. Answers 200 with where to go once logged in, 422 when no QR code
	 * is in the picture (the page just sends the next frame), 401 when the card is not, or no longer, valid.
	 */
	@PostMapping("/login/card")
	@ResponseBody
	ResponseEntity<Map<String, Object>> card(@RequestParam("image") MultipartFile image, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (image.getSize() > MAX_IMAGE_BYTES) {
			return answer(413, "card.image-too-large");
		}
		var text = QrCodes.read(image.getBytes());
		if (text.isEmpty()) {
			return ResponseEntity.unprocessableContent().body(Map.of("found", false));
		}
		var holder = cards.holder(text.get());
		if (holder.isEmpty()) {
			return answer(401, "card.invalid");
		}
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
