package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;

import org.cloudroom.CloudroomSettings;
import org.cloudroom.accounts.PersonId;
import org.cloudroom.drive.spi.HomeStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The data folder and the embedded database are closed to other users, while desktops pass through. */
@SpringBootTest
class DataFolderTests {

	@Autowired
	HomeStorage storage;

	@TempDir
	Path parent;

	@Test
	void atStartOthersMayPassThroughTheDataFolderButNotListItNorReadTheDatabase() throws Exception {
		var data = Files.createDirectories(parent.resolve("data"));
		Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
		var database = Files.writeString(Files.createDirectories(data.resolve("db")).resolve("cloudroom.mv.db"), "secret");
		Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
		Files.createDirectories(data.resolve("homes/someone"));

		new DataFolder(new CloudroomSettings(data, ZoneId.of("Asia/Shanghai"))).close();

		assertThat(mode(data)).isEqualTo("rwx--x--x");
		assertThat(mode(data.resolve("homes"))).isEqualTo("rwx--x--x");
		assertThat(mode(data.resolve("classes"))).isEqualTo("rwx--x--x");
		assertThat(mode(data.resolve("db"))).isEqualTo("rwx------");
		assertThat(mode(database)).isEqualTo("rw-------");
		var other = new StudentDesktop(262999, parent);
		assertThat(other.start("ls " + data).waitFor()).isNotZero();
		assertThat(other.start("ls " + data.resolve("homes")).waitFor()).isNotZero();
		assertThat(other.start("cat " + database).waitFor()).isNotZero();
		assertThat(other.start("cd " + data.resolve("homes")).waitFor()).isZero();
	}

	@Test
	void aNewHomeIsItsOwnersAlone() throws Exception {
		var home = storage.home(PersonId.random());

		assertThat(mode(home)).isEqualTo("rwx------");
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}
}
