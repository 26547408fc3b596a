package org.cloudroom.desktops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a desktop sees of the host's /etc: the listed entries anybody may read, kept up to date, nothing else. */
class HostEtcTests {

	private Path host;
	private Path copy;
	private HostEtc etc;

	@BeforeEach
	void aHostsEtc() throws IOException {
		var root = Files.createDirectories(Path.of("target", "test-data", "etc-" + UUID.randomUUID().toString()
			.substring(0, 8)).toAbsolutePath());
		host = Files.createDirectories(root.resolve("etc"));
		copy = root.resolve("copy");
		Files.createDirectories(host.resolve("fonts/conf.d"));
		Files.writeString(host.resolve("fonts/fonts.conf"), "<fontconfig/>");
		Files.createSymbolicLink(host.resolve("fonts/conf.d/10-hinting.conf"), Path.of("/usr/share/fontconfig/10.conf"));
		Files.createDirectories(host.resolve("ssl/private"));
		Files.setPosixFilePermissions(host.resolve("ssl/private"), PosixFilePermissions.fromString("rwx------"));
		Files.writeString(host.resolve("ssl/private/host.key"), "the host's key");
		Files.writeString(host.resolve("ssl/openssl.cnf"), "[openssl]");
		Files.writeString(host.resolve("hostname"), "school-server-7");
		Files.writeString(host.resolve("passwd"), "root:x:0:0::/root:/bin/bash\npostgres:x:104:110::/var/lib:/bin/bash\n");
		Files.writeString(host.resolve("shells"), "/bin/sh\n");
		Files.setPosixFilePermissions(host.resolve("shells"), PosixFilePermissions.fromString("rw-------"));
		var addition = Files.writeString(root.resolve("flags"), "export CHROMIUM_FLAGS=--no-sandbox\n");
		Files.createDirectories(host.resolve("chromium.d"));
		Files.writeString(host.resolve("chromium.d/default-flags"), "export CHROMIUM_FLAGS=\n");
		var hosts = Files.writeString(root.resolve("hosts"), "127.0.0.1 localhost\n");
		var resolver = Files.writeString(root.resolve("resolv.conf"), "nameserver 10.0.2.3\n");
		etc = new HostEtc(host, copy, List.of("fonts", "ssl", "shells", "chromium.d", "passwd"),
				Map.of("chromium.d/cloudroom", addition), hosts, resolver, Clock.systemUTC());
	}

	@Test
	void theCopyHoldsWhatIsListedAndAnybodyMayReadAndNothingOfTheHostsOwn() throws IOException {
		etc.refresh();

		assertThat(copy.resolve("fonts/fonts.conf")).hasContent("<fontconfig/>");
		assertThat(Files.readSymbolicLink(copy.resolve("fonts/conf.d/10-hinting.conf")))
			.isEqualTo(Path.of("/usr/share/fontconfig/10.conf"));
		assertThat(copy.resolve("ssl/openssl.cnf")).hasContent("[openssl]");
		assertThat(copy.resolve("ssl/private")).doesNotExist();
		assertThat(copy.resolve("shells")).doesNotExist();
		assertThat(copy.resolve("hostname")).doesNotExist();
		assertThat(copy.resolve("passwd")).isEmptyFile();
		assertThat(copy.resolve("chromium.d/cloudroom")).hasContent("export CHROMIUM_FLAGS=--no-sandbox");
		assertThat(copy.resolve("chromium.d/default-flags")).exists();
		assertThat(copy.resolve("hosts")).hasContent("127.0.0.1 localhost");
		assertThat(copy.resolve("resolv.conf")).hasContent("nameserver 10.0.2.3");
	}

	@Test
	void aChangeOnTheHostReachesTheCopyAndWhatTheHostRemovedGoes() throws IOException {
		etc.refresh();
		Files.writeString(host.resolve("fonts/fonts.conf"), "<fontconfig><dir>/usr/share/fonts</dir></fontconfig>");
		Files.writeString(host.resolve("fonts/conf.d/20-new.conf"), "<new/>");
		Files.delete(host.resolve("ssl/openssl.cnf"));
		Files.delete(host.resolve("fonts/conf.d/10-hinting.conf"));
		Files.createSymbolicLink(host.resolve("fonts/conf.d/10-hinting.conf"), Path.of("/usr/share/fontconfig/11.conf"));

		etc.refresh();

		assertThat(copy.resolve("fonts/fonts.conf")).hasContent("<fontconfig><dir>/usr/share/fonts</dir></fontconfig>");
		assertThat(copy.resolve("fonts/conf.d/20-new.conf")).hasContent("<new/>");
		assertThat(copy.resolve("ssl/openssl.cnf")).doesNotExist();
		assertThat(Files.readSymbolicLink(copy.resolve("fonts/conf.d/10-hinting.conf")))
			.isEqualTo(Path.of("/usr/share/fontconfig/11.conf"));
		assertThat(copy.resolve("chromium.d/cloudroom")).exists();
	}
}
