package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import tools.jackson.databind.ObjectMapper;

/**
 * The server's disk runs full mid-lesson (issue #15): a student's save is refused with a clear word in their
 * language, nothing half-written stays, what they saved before is intact, and once there is room again saving
 * works. The data folder is a small filesystem of its own (a tmpfs of 16 MB), filled as a real disk fills.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DiskFullTests {

	private static final Path DISK = mountSmallDisk();

	@DynamicPropertySource
	static void dataOnTheSmallDisk(DynamicPropertyRegistry properties) {
		properties.add("cloudroom.data", () -> DISK.toString());
	}

	@AfterAll
	static void unmount() throws Exception {
		new ProcessBuilder("umount", "-l", DISK.toString()).inheritIO().start().waitFor();
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Test
	void aSaveOnAFullDiskIsRefusedPlainlyLeavesNothingAndSavingWorksOnceThereIsRoom() throws Exception {
		var student = student();
		assertThat(put(student, "作文.txt", "春天来了。".getBytes(UTF_8))).hasStatus(HttpStatus.CREATED);
		var filler = DISK.resolve("filler");
		fill(filler);

		var refused = put(student, "画.png", new byte[2 << 20]);

		assertThat(refused).hasStatus(HttpStatus.INSUFFICIENT_STORAGE);
		assertThat(refused.getResponse().getContentAsString(UTF_8)).contains("服务器的磁盘已满");
		assertThat((mvc.get().uri("/api/v1/drive/list").header(AUTHORIZATION, "Bearer " + student).exchange()
			.getResponse().getContentAsString(UTF_8))).contains("作文.txt").doesNotContain("画.png");
		assertThat(mvc.get().uri("/api/v1/drive/files/作文.txt").header(AUTHORIZATION, "Bearer " + student).exchange()
			.getResponse().getContentAsByteArray()).isEqualTo("春天来了。".getBytes(UTF_8));
		Files.delete(filler);
		assertThat(put(student, "画.png", new byte[2 << 20])).hasStatus(HttpStatus.CREATED);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult put(String token, String name, byte[] content) {
		return mvc.put().uri("/api/v1/drive/files/{name}", name).header(AUTHORIZATION, "Bearer " + token)
			.header(ACCEPT_LANGUAGE, "zh-CN").content(content).exchange();
	}

	private String student() throws IOException {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var opened = program.open("Full Disk School " + tag, 10, "full-" + tag, "Hong", "Lin");
		var imported = peopleImport.importFile(opened.school().id(), new ByteArrayInputStream("""
				username,given_name,family_name,role,class
				ming-%s,小明,王,student,五年级二班
				""".formatted(tag).getBytes(UTF_8)), false);
		var login = imported.people().getFirst();
		var answer = mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("username", login.username(), "password", login.initialPassword())))
			.exchange();
		return json.readTree(answer.getResponse().getContentAsString(UTF_8)).get("token").asString();
	}

	/** Writes until the disk has no room left for anybody, as a full disk is. */
	private static void fill(Path filler) throws IOException {
		try (var file = new RandomAccessFile(filler.toFile(), "rw")) {
			var block = new byte[64 * 1024];
			while (true) {
				file.write(block);
			}
		}
		catch (IOException full) {
			if (!Uploads.diskFull(full)) {
				throw full;
			}
		}
	}

	private static Path mountSmallDisk() {
		try {
			var disk = Files.createTempDirectory("cloudroom-full-disk");
			var mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m,mode=0711", "tmpfs", disk.toString())
				.inheritIO().start();
			if (mount.waitFor() != 0) {
				throw new IllegalStateException("could not mount a small disk at " + disk + " (root is needed)");
			}
			return disk;
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
