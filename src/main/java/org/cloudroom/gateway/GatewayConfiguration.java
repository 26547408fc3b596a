package org.cloudroom.gateway;

import org.cloudroom.desktops.Desktops;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Registers the desktop gateway's WebSocket endpoint; only pages of this server may open it (same origin). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class GatewayConfiguration implements WebSocketConfigurer {

	private final Desktops desktops;
	private final StudyMeter meter;
	private final GatewaySettings settings;
	private final GatewayConnections connections;
	private final ObjectProvider<Supervision> supervision;
	private final Uplinks uplinks;
	private final EncodingSettings encoding;

	GatewayConfiguration(Desktops desktops, StudyMeter meter, GatewaySettings settings,
			GatewayConnections connections, ObjectProvider<Supervision> supervision, Uplinks uplinks,
			EncodingSettings encoding) {
		this.encoding = encoding;
		this.uplinks = uplinks;
		this.desktops = desktops;
		this.meter = meter;
		this.settings = settings;
		this.connections = connections;
		this.supervision = supervision;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		var rules = supervision.getIfAvailable(() -> Supervision.NOBODY);
		registry.addHandler(new DesktopGateway(desktops, meter, (int) settings.maxClipboard().toBytes(), connections,
				rules, uplinks, encoding), "/gateway/desktops/*").addInterceptors(new Admission(desktops, rules, connections, settings));
	}
}
