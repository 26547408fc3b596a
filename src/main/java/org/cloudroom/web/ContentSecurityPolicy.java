package org.cloudroom.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the browser what a page may load and run: scripts only from Cloudroom itself, plus the inline scripts a
 * template wrote, which carry this answer's nonce ({@code th:nonce="${cspNonce}"}); so a script slipped into a page
 * by some text does not run. Pictures also from {@code data:} (QR codes) and {@code blob:} (the teacher's wall);
 * connections (fetch, the desktop's WebSocket) only to Cloudroom; no plugins, no {@code <base>}, forms only to
 * Cloudroom, and no framing by any site. Inline styles stay allowed: templates and noVNC set them, and a style
 * cannot run code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentSecurityPolicy extends OncePerRequestFilter {

	/** The request attribute templates read the nonce from. */
	static final String NONCE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var nonce = request.getAttribute(NONCE) instanceof String existing ? existing : newNonce();
		request.setAttribute(NONCE, nonce);
		response.setHeader("Content-Security-Policy", policy(nonce));
		chain.doFilter(request, response);
	}

	static String policy(String nonce) {
		return String.join("; ", "default-src 'self'", "script-src 'self' 'nonce-" + nonce + "'",
				"style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'",
				"object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
	}

	private static String newNonce() {
		var bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}
}
