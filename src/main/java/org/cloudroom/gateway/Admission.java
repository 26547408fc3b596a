package org.cloudroom.gateway;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.desktops.Desktops;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides, before the WebSocket is opened and before any byte of RFB, who may connect to a desktop and how: its
 * owner controls it; somebody else asks for {@code ?mode=view} (the default) or {@code ?mode=control} and gets it
 * when the {@link Supervision} allows that much, else 403 (404 for a desktop that does not run).
 */
class Admission implements HandshakeInterceptor {

	static final String USER = "cloudroom.user";
	static final String DESKTOP = "cloudroom.desktop";
	static final String MODE = "cloudroom.mode";

	private final Desktops desktops;
	private final Supervision supervision;

	Admission(Desktops desktops, Supervision supervision) {
		this.desktops = desktops;
		this.supervision = supervision;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		var user = userOf(request.getPrincipal());
		if (user == null) {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}
		var path = request.getURI().getPath();
		UUID id;
		try {
			id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		}
		catch (IllegalArgumentException e) {
			response.setStatusCode(HttpStatus.NOT_FOUND);
			return false;
		}
		var desktop = desktops.find(id);
		if (desktop.isEmpty()) {
			response.setStatusCode(HttpStatus.NOT_FOUND);
			return false;
		}
		var mode = Mode.CONTROL;
		if (!desktop.get().owner().equals(user.id())) {
			var wanted = "control".equals(UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()
				.getFirst("mode")) ? Mode.CONTROL : Mode.VIEW;
			var allowed = supervision.modeFor(user, desktop.get());
			if (allowed.isEmpty() || wanted == Mode.CONTROL && allowed.get() == Mode.VIEW) {
				response.setStatusCode(HttpStatus.FORBIDDEN);
				return false;
			}
			mode = wanted;
		}
		attributes.put(USER, user);
		attributes.put(DESKTOP, desktop.get());
		attributes.put(MODE, mode);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	private static @Nullable CloudroomUser userOf(@Nullable Principal principal) {
		return principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof CloudroomUser user ? user : null;
	}
}
