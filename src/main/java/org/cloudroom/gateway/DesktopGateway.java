package org.cloudroom.gateway;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.desktops.Desktops;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.BinaryWebSocketHandler;

/** The WebSocket endpoint {@code /gateway/desktops/{id}}: a {@link Relay} for each admitted browser. */
class DesktopGateway extends BinaryWebSocketHandler {

	private final Desktops desktops;
	private final StudyMeter meter;
	private final int maxCutText;
	private final Map<String, Relay> relays = new ConcurrentHashMap<>();

	DesktopGateway(Desktops desktops, StudyMeter meter, int maxCutText) {
		this.desktops = desktops;
		this.meter = meter;
		this.maxCutText = maxCutText;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		session.setBinaryMessageSizeLimit(maxCutText + 64 * 1024);
		var attributes = session.getAttributes();
		var relay = new Relay(session, (UUID) attributes.get(Admission.DESKTOP),
				(CloudroomUser) attributes.get(Admission.USER), (Mode) attributes.get(Admission.MODE), desktops, meter,
				maxCutText);
		relays.put(session.getId(), relay);
		relay.start();
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		var relay = relays.get(session.getId());
		if (relay != null) {
			relay.fromBrowser(message.getPayload());
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		var relay = relays.remove(session.getId());
		if (relay != null) {
			relay.browserLeft();
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
	}
}
