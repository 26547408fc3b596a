package org.cloudroom.gateway;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.desktops.Desktops;
import org.cloudroom.status.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

/**
 * Decides, before the WebSocket is opened and before any byte of RFB, who may connect to a desktop and how: only
 * pages of this server (403 for another site's and for an {@code Origin} that is no origin at all); its owner
 * controls it; somebody else asks for {@code ?mode=view} (the default) or {@code ?mode=control} and gets it when the
 * {@link Supervision} allows that much, else 403; a desktop that does not run, or runs in another school, is 404.
 * A person or a desktop with as many connections as {@link GatewaySettings} allow gets 429.
 */
class Admission implements HandshakeInterceptor {

	static final String USER = "cloudroom.user";
	static final String DESKTOP = "cloudroom.desktop";
	static final String MODE = "cloudroom.mode";
	static final String SLOT = "cloudroom.slot";

	private final Desktops desktops;
	private final Supervision supervision;
	private final GatewayConnections connections;
	private final GatewaySettings settings;

	Admission(Desktops desktops, Supervision supervision, GatewayConnections connections, GatewaySettings settings) {
		this.desktops = desktops;
		this.supervision = supervision;
		this.connections = connections;
		this.settings = settings;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (!fromThisServer(request)) {
			return refuse(response, Status.FORBIDDEN);
		}
		var user = userOf(request.getPrincipal());
		if (user == null) {
			return refuse(response, Status.UNAUTHORIZED);
		}
		var path = request.getURI().getPath();
		UUID id;
		try {
			id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		}
		catch (IllegalArgumentException e) {
			return refuse(response, Status.NOT_FOUND);
		}
		var desktop = desktops.find(id);
		if (desktop.isEmpty() || !user.isOperator() && !desktop.get().school().equals(user.school())) {
			return refuse(response, Status.NOT_FOUND);
		}
		var mode = Mode.CONTROL;
		if (!desktop.get().owner().equals(user.id())) {
			var wanted = "control".equals(UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()
				.getFirst("mode")) ? Mode.CONTROL : Mode.VIEW;
			var allowed = supervision.modeFor(user, desktop.get());
			if (allowed.isEmpty() || wanted == Mode.CONTROL && allowed.get() == Mode.VIEW) {
				return refuse(response, Status.FORBIDDEN);
			}
			mode = wanted;
		}
		var slot = connections.admit(user.id(), id, settings.maxConnectionsPerPerson(),
				settings.maxConnectionsPerDesktop());
		if (slot.isEmpty()) {
			return refuse(response, Status.TOO_MANY);
		}
		if (request instanceof ServletServerHttpRequest servlet) {
			servlet.getServletRequest().setAttribute(SLOT, slot.get());
		}
		attributes.put(USER, user);
		attributes.put(DESKTOP, desktop.get());
		attributes.put(MODE, mode);
		attributes.put(SLOT, slot.get());
		return true;
	}

	/** An admitted request whose upgrade failed after all (bad WebSocket headers, a later check) frees its place. */
	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
		if (request instanceof ServletServerHttpRequest servlet
				&& servlet.getServletRequest().getAttribute(SLOT) instanceof GatewayConnections.Slot slot) {
			var upgraded = exception == null && response instanceof ServletServerHttpResponse answer
					&& answer.getServletResponse().getStatus() == HttpStatus.SWITCHING_PROTOCOLS.value();
			if (!upgraded) {
				connections.release(slot);
			}
		}
	}

	/**
	 * Whether the request comes from a page of this server, or from no page (no {@code Origin}). An origin that
	 * cannot be parsed is nobody's page.
	 */
	private static boolean fromThisServer(ServerHttpRequest request) {
		try {
			return WebUtils.isSameOrigin(request);
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			return false;
		}
	}

	private static boolean refuse(ServerHttpResponse response, Status status) {
		response.setStatusCode(HttpStatusCode.valueOf(status.http()));
		return false;
	}

	private static @Nullable CloudroomUser userOf(@Nullable Principal principal) {
		return principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof CloudroomUser user ? user : null;
	}
}
