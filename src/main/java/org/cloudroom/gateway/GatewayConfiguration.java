package org.cloudroom.gateway;

import org.cloudroom.desktops.Desktops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Registers the desktop gateway's WebSocket endpoint; only pages of this server may open it (same origin). */
@Configuration(proxyBeanMethods = false)
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

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		var container = new ServletServerContainerFactoryBean();
		container.setMaxBinaryMessageBufferSize((int) settings.maxClipboard().toBytes() + 64 * 1024);
		container.setMaxSessionIdleTimeout(0L);
		return container;
	}
}
