package org.cloudroom.accounts;

import java.util.Optional;

import org.cloudroom.https.SecureAddress;
import org.cloudroom.status.Refusals;
import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what: pages need a login (form or QR card), the JSON API a session or a bearer token, and only
 * health and the login itself are public. Forms carry CSRF tokens; requests a valid bearer token authenticated need
 * none, as no browser sends that header on its own. Answers tell browsers not to frame pages, not to guess content
 * types, to send no address to other sites and, over https, to keep to https (HSTS).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/** Only a servlet web application has requests to guard; tests without a web environment skip the chain. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain filterChain(HttpSecurity http, PasswordLogin passwordLogin, ApiTokens tokens,
			SecurityContextRepository contexts, Refusals refusals, SecureAddress secureAddress)
			throws Exception {
		var redirects = new DefaultRedirectStrategy();
		AuthenticationFailureHandler failures = (request, response, e) -> redirects.sendRedirect(request, response,
				e instanceof LoginThrottled throttled ? "/login?wait=" + throttled.seconds() : "/login?error");
		// Only PasswordLogin, without the global manager as parent, which would check a wrong password twice.
		http.authenticationManager(new ProviderManager(passwordLogin))
			.securityContext(context -> context.securityContextRepository(contexts))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/login/card", "/error",
						"/api/v1/auth/token", "/css/**", "/js/**", "/images/**", "/webjars/**", "/novnc/**",
						"/favicon.ico", "/cloudroom-ca.crt")
				.permitAll()
				// The server's figures (threads, connections, memory) are the operator's, not every account's.
				.requestMatchers("/actuator/**")
				.access((authentication, context) -> new AuthorizationDecision(
						authentication.get().getPrincipal() instanceof CloudroomUser user && user.isOperator()))
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failures))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// CSRF guards what a browser's session cookie would authorise. An API request with no session has
			// nothing to forge and is answered 401 (not a misleading 403) when it lacks a login.
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokens::authenticated,
					request -> API.matches(request) && request.getSession(false) == null))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// Not includeSubDomains: other sites under the school's domain may still be on http. Not on the
				// server's own HTTPS port either: HSTS holds for every port of a host, and HTTP is served beside it.
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(false)
					.requestMatcher(request -> request.isSecure()
							&& !secureAddress.port().equals(Optional.of(request.getLocalPort())))))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor((request, response, e) -> refusals
					.write(new Refused(Status.UNAUTHORIZED, "error.unauthorized"), request, response), API)
				.defaultAccessDeniedHandlerFor((request, response, e) -> refusals
					.write(new Refused(Status.FORBIDDEN, "error.forbidden"), request, response), API))
			.addFilterBefore(new BearerTokens(tokens), CsrfFilter.class);
		return http.build();
	}
}
