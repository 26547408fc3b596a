package org.cloudroom.https;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of HTTPS, under {@code cloudroom.https}.
 *
 * @param enabled serve HTTPS next to HTTP
 * @param port the HTTPS port (0: any free one)
 * @param names host names and addresses the certificate covers besides {@code localhost}, this host's name and
 * its network addresses, such as {@code cloud.example-school.cn}
 * @param keystore a PKCS#12 keystore with a real certificate and its key, used instead of the server's own
 * @param keystorePassword the password of that keystore
 */
@ConfigurationProperties("cloudroom.https")
record HttpsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("8443") int port,
		@DefaultValue List<String> names, @Nullable Path keystore, @Nullable String keystorePassword) {
}
