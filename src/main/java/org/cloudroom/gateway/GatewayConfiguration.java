package org.cloudroom.gateway;

import org.cloudroom.desktops.Desktops;
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

	GatewayConfiguration(Desktops desktops, StudyMeter meter, GatewaySettings settings) {
		this.desktops = desktops;
		this.meter = meter;
		this.settings = settings;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new DesktopGateway(desktops, meter, (int) settings.maxClipboard().toBytes()),
				"/gateway/desktops/*").addInterceptors(new Admission(desktops));
	}
}
