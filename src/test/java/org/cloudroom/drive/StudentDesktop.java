package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cloudroom.accounts.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a student's terminal can do to their own files: commands run in their home under their desktop uid, with no
 * group and no capability, as a desktop runs them (the server runs the tests as root). Uids come from 262000 up,
 * apart from those of other tests' desktops.
 */
record StudentDesktop(int uid, Path home) {

	private static final AtomicInteger NEXT_UID = new AtomicInteger(262000 + (int) (ProcessHandle.current().pid() % 400));

	/** Gives the person a desktop uid and their home to it, as their first desktop start does. */
	static StudentDesktop of(PersonId person, Path home, JdbcClient jdbc) throws IOException {
		var uid = NEXT_UID.getAndIncrement();
		jdbc.sql("insert into desktop_account (uid, person_id) values (?, ?)").params(uid, person.value()).update();
		give(home, uid);
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		return new StudentDesktop(uid, home);
	}

	/** Gives a folder the server made to this uid, as the drive does for the folders a student may change. */
	static void give(Path path, int uid) throws IOException {
		Files.setAttribute(path, "unix:uid", uid);
		Files.setAttribute(path, "unix:gid", uid);
	}

	/** Runs the shell script in the home and returns what it printed; it must succeed. */
	String run(String script) throws IOException, InterruptedException {
		var process = start(script);
		var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ended").isTrue();
		assertThat(process.exitValue()).as(script + "\n" + out).isZero();
		return out;
	}

	/** Starts the shell script in the home; it runs until it ends or the test stops it. */
	Process start(String script) throws IOException {
		return new ProcessBuilder(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
				"--inh-caps=-all", "--", "sh", "-c", script))
			.directory(home.toFile()).redirectErrorStream(true).start();
	}

	/** A perl loop of renames, at most a minute long: what a student can swap faster than the server looks. */
	Process swapping(String... renames) throws IOException {
		var steps = new StringBuilder();
		for (int i = 0; i < renames.length; i += 2) {
			steps.append("rename '").append(renames[i]).append("', '").append(renames[i + 1]).append("'; ");
		}
		return start("exec perl -e 'my $end = time + 60; while (time < $end) { for (1..1000) { " + steps
				.toString().replace("'", "\"") + "} }'");
	}
}
