package org.cloudroom.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}; such requests keep no session. A
 * request whose bearer token is not valid is not authenticated at all, not even by a session cookie it also sends.
 * Runs before the CSRF check, which spares only requests a valid token authenticated.
 */
class BearerTokens extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private static final String AUTHENTICATED = BearerTokens.class.getName() + ".authenticated";

	private final ApiTokens tokens;

	BearerTokens(ApiTokens tokens) {
		this.tokens = tokens;
	}

	static boolean carriesToken(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	/** Whether a valid bearer token authenticated this request. */
	static boolean authenticated(HttpServletRequest request) {
		return request.getAttribute(AUTHENTICATED) != null;
	}

	/** An asynchronous response (a streamed download) is dispatched again and must stay authenticated. */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesToken(request)) {
			var token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
			var context = SecurityContextHolder.createEmptyContext();
			tokens.holder(token).ifPresent(user -> {
				context.setAuthentication(PasswordLogin.authenticated(user));
				request.setAttribute(AUTHENTICATED, Boolean.TRUE);
			});
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
