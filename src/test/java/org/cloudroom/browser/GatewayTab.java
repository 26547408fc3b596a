package org.cloudroom.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.cloudroom.accounts.Credential;
import org.cloudroom.desktops.Desktop;
import org.cloudroom.gateway.BrowserSocket;

import tools.jackson.databind.ObjectMapper;

/**
 * A person's tab on a desktop as from a browser of their own, without a Chromium: logged in with the API's token,
 * connected to the desktop through the gateway, the way noVNC connects.
 */
final class GatewayTab {

	private static final ObjectMapper JSON = new ObjectMapper();

	private GatewayTab() {
	}

	/** Opens the desktop for the person; {@code query} is the gateway's, such as {@code ?mode=view}, or empty. */
	static BrowserSocket open(String base, Credential person, Desktop desktop, String query) throws Exception {
		var http = HttpClient.newHttpClient();
		var login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
					Map.of("username", person.username(), "password", person.initialPassword()))))
			.build(), HttpResponse.BodyHandlers.ofString());
		var token = JSON.readTree(login.body()).get("token").asString();
		return BrowserSocket.open(http, URI.create(base.replace("http", "ws") + "/gateway/desktops/" + desktop.id() + query),
				headers -> headers.header("Authorization", "Bearer " + token));
	}
}
