package org.cloudroom.gateway;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.desktops.Desktops;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

/**
 * The WebSocket endpoint {@code /gateway/desktops/{id}}: a {@link Relay} for each admitted browser. An owner whose
 * screen is locked comes back locked.
 */
class DesktopGateway extends BinaryWebSocketHandler {

	private final Desktops desktops;
	private final StudyMeter meter;
	private final int maxCutText;
	private final GatewayConnections connections;
	private final Supervision supervision;
	private final Uplinks uplinks;
	private final EncodingSettings encoding;

	DesktopGateway(Desktops desktops, StudyMeter meter, int maxCutText, GatewayConnections connections,
			Supervision supervision, Uplinks uplinks, EncodingSettings encoding) {
		this.uplinks = uplinks;
		this.encoding = encoding;
		this.desktops = desktops;
		this.meter = meter;
		this.maxCutText = maxCutText;
		this.connections = connections;
		this.supervision = supervision;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		session.setBinaryMessageSizeLimit(maxCutText + 64 * 1024);
		var attributes = session.getAttributes();
		var user = (CloudroomUser) attributes.get(Admission.USER);
		var desktop = (Desktop) attributes.get(Admission.DESKTOP);
		var mode = (Mode) attributes.get(Admission.MODE);
		var relay = new Relay(session, desktop.id(), user, mode, desktops, meter, maxCutText, uplinks, encoding,
				() -> supervision.connected(user, desktop, mode));
		var open = new GatewayConnections.Open(relay, user, desktop, mode);
		// Registered before asking, so that a lock arriving in between reaches this connection too.
		connections.add(session.getId(), open, (GatewayConnections.Slot) attributes.get(Admission.SLOT));
		if (open.ownersOwn()) {
			relay.lock(supervision.locked(user.id()));
		}
		relay.start();
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		var open = connections.get(session.getId());
		if (open != null) {
			open.relay().fromBrowser(message.getPayload());
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		var open = connections.remove(session.getId());
		if (open != null) {
			open.relay().browserLeft();
			supervision.disconnected(open.user(), open.desktop(), open.mode());
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
	}
}
