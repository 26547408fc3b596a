package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server does in a home it does relative to folders opened without following links, so a desktop that
 * swaps a folder for a link between the server's check and its write (the server runs as root) gains nothing.
 */
class HomeTreeTests {

	@TempDir
	Path data;

	Path home;
	Path outside;
	HomeTree tree;

	@BeforeEach
	void aHomeWithAFolderAndASecretOutside() throws IOException {
		home = Files.createDirectories(data.resolve("home/work"));
		home = home.getParent();
		outside = Files.createDirectories(data.resolve("etc"));
		Files.writeString(outside.resolve("shadow"), "root:secret");
		Files.writeString(home.resolve("work/essay.txt"), "my essay");
		tree = HomeTree.of(home);
	}

	@Test
	void aWriteIntoAFolderSwappedForALinkAfterTheCheckFails() throws IOException {
		var target = tree.resolve(DrivePath.of("work/shadow"));
		var scratch = HomeTree.of(Files.createDirectories(data.resolve("scratch")));
		var upload = Files.writeString(scratch.root().resolve("upload"), "evil");

		swapWorkForALinkOutside();

		assertOutside(() -> HomeTree.move(scratch, upload, tree, target));
		assertThat(outside.resolve("shadow")).hasContent("root:secret");
		assertThat(upload).exists();
	}

	@Test
	void aReadThroughAFolderSwappedForALinkAfterTheCheckFails() throws IOException {
		var checked = tree.inside(tree.resolve(DrivePath.of("work/essay.txt")));

		swapWorkForALinkOutside();

		assertOutside(() -> new DriveFile(tree, checked.resolveSibling("shadow")).getInputStream());
		assertOutside(() -> Zips.write(new Zips.Folder(tree, checked.getParent()), new ByteArrayOutputStream()));
	}

	@Test
	void aZipLeavesOutLinksAndHiddenFiles() throws IOException {
		Files.createSymbolicLink(home.resolve("work/passwords"), outside.resolve("shadow"));
		Files.createSymbolicLink(home.resolve("etc"), outside);
		Files.writeString(home.resolve(".config"), "settings");
		var zip = new ByteArrayOutputStream();

		Zips.write(new Zips.Folder(tree, tree.root()), zip);

		assertThat(new String(zip.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.contains("work/essay.txt").doesNotContain("passwords", "shadow", ".config", "root:secret");
	}

	private void swapWorkForALinkOutside() throws IOException {
		Files.move(home.resolve("work"), home.resolve("work-old"));
		Files.createSymbolicLink(home.resolve("work"), outside);
	}

	private static void assertOutside(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		var refused = catchThrowableOfType(Refused.class, call);
		assertThat(refused).isNotNull();
		assertThat(refused.status()).isEqualTo(Status.FORBIDDEN);
		assertThat(refused.messageKey()).isEqualTo("drive.path.outside");
	}
}
