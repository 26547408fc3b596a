package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;

import org.cloudroom.https.SecureAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class StudentUsesTheCameraOverHttpsBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().trustingAnyCertificate();

	@LocalServerPort
	int port;

	@Autowired
	SecureAddress secure;

	@Test
	void theLoginPageAtTheServersNetworkAddressOffersTheCameraOverHttps() throws SocketException {
		var address = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
			.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).map(a -> a.getHostAddress())
			.findFirst();
		assumeTrue(address.isPresent(), "the machine has a network address besides loopback");
		browser.holdUpToCamera(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB));
		browser.driver().get("http://" + address.get() + ":" + port + "/login");
		browser.find("#start-camera").click();
		assertThat(browser.await(d -> d.findElement(By.id("card-status"))).getText())
			.as("over plain HTTP at a network address, no browser allows the camera")
			.startsWith("No camera can be used");

		browser.screenshot(Path.of("target/screenshots/login-over-http.png"));
		browser.find("#use-secure a[href^='https:']").click();

		browser.await(d -> d.getCurrentUrl().startsWith("https://" + address.get() + ":" + secure.port().orElseThrow()));
		assertThat(browser.driver().executeScript("return window.isSecureContext")).isEqualTo(true);
		assertThat(browser.driver().findElements(By.id("use-secure"))).isEmpty();
		browser.find("#start-camera").click();
		browser.await(d -> d.findElement(By.tagName("body")).getDomAttribute("class").contains("camera-on"));
		assertThat(browser.find("#card-status").getText()).isEqualTo("Looking for your card…");
	}
}
