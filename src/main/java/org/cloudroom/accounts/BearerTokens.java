package org.cloudroom.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request that carries {@code Authorization: Bearer <token>}; such requests keep no session. */
class BearerTokens extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private final ApiTokens tokens;

	BearerTokens(ApiTokens tokens) {
		this.tokens = tokens;
	}

	static boolean carriesToken(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
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
			tokens.holder(token).ifPresent(user -> {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(PasswordLogin.authenticated(user));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}
}
