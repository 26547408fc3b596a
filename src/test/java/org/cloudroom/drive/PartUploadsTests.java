package org.cloudroom.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.cloudroom.MovingClock;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Person;
import org.cloudroom.accounts.Program;
import org.cloudroom.drive.spi.HomeStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** An upload in parts over a real connection that breaks half-way through a part, and goes on where it stopped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovingClock.InTheServer.class)
class PartUploadsTests {

	@Autowired
	MovingClock clock;

	@LocalServerPort
	int port;

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	ObjectMapper json;

	@Autowired
	Quotas quotas;

	@Autowired
	People people;

	@Autowired
	PartUploads parts;

	@Autowired
	HomeStorage storage;

	final HttpClient http = HttpClient.newHttpClient();
	String token;
	Person student;

	@BeforeEach
	void aStudent() throws Exception {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var school = program.open("Parts " + tag, 5, "padmin-" + tag, "Hong", "Lin").school().id();
		var student = peopleImport.importFile(school, new ByteArrayInputStream(
				"username,given_name,family_name,role\npart-%s,Ming,Wang,student\n".formatted(tag).getBytes(UTF_8)), false)
			.people().getFirst();
		this.student = people.findByUsername(student.username()).orElseThrow();
		token = call("POST", "/api/v1/auth/token", json.writeValueAsString(
				Map.of("username", student.username(), "password", student.initialPassword())), Map.of()).get("token")
			.asString();
	}

	@Test
	void anUploadCutOffInAPartGoesOnWhereItStoppedAndArrivesWhole() throws Exception {
		var content = new byte[3_000_000];
		new Random(7).nextBytes(content);
		var id = call("POST", "/api/v1/drive/uploads", "{\"path\": \"视频/课堂.mp4\", \"size\": 3000000}", Map.of())
			.get("id").asString();

		var first = call("PUT", "/api/v1/drive/uploads/" + id, Arrays.copyOfRange(content, 0, 1_000_000),
				Map.of("Upload-Offset", "0"));
		sendHalfAndDrop(id, 1_000_000, Arrays.copyOfRange(content, 1_000_000, 2_000_000));
		var reached = settled(id);
		var wrongOffset = raw("PUT", "/api/v1/drive/uploads/" + id, new byte[10], Map.of("Upload-Offset", "0"));
		var done = raw("PUT", "/api/v1/drive/uploads/" + id, Arrays.copyOfRange(content, (int) reached, content.length),
				Map.of("Upload-Offset", Long.toString(reached)));

		assertThat(first.get("offset").asLong()).isEqualTo(1_000_000);
		assertThat(reached).isGreaterThan(1_000_000).isLessThanOrEqualTo(1_500_000);
		assertThat(wrongOffset.statusCode()).isEqualTo(409);
		assertThat(done.statusCode()).isEqualTo(201);
		assertThat(raw("GET", "/api/v1/drive/files/%E8%A7%86%E9%A2%91/%E8%AF%BE%E5%A0%82.mp4", null, Map.of()).body())
			.isEqualTo(content);
		assertThat(raw("GET", "/api/v1/drive/uploads/" + id, null, Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAnUploadOverTheQuotaOrLongerThanBegunAndKeepsNothing() throws Exception {
		var tooLarge = raw("POST", "/api/v1/drive/uploads",
				"{\"path\": \"big.bin\", \"size\": 99999999999}".getBytes(UTF_8), Map.of("Content-Type", "application/json"));
		var id = call("POST", "/api/v1/drive/uploads", "{\"path\": \"small.bin\", \"size\": 10}", Map.of()).get("id")
			.asString();
		var longer = raw("PUT", "/api/v1/drive/uploads/" + id, new byte[11], Map.of("Upload-Offset", "0"));

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(longer.statusCode()).isEqualTo(400);
		assertThat(call("GET", "/api/v1/drive/uploads/" + id, null, Map.of()).get("offset").asLong()).isZero();
		assertThat(raw("DELETE", "/api/v1/drive/uploads/" + id, null, Map.of()).statusCode()).isEqualTo(204);
		assertThat(raw("GET", "/api/v1/drive/files/small.bin", null, Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void uploadsInPartsUnderWayCountAgainstTheQuota() throws Exception {
		quotas.set(student.id(), java.util.Objects.requireNonNull(student.schoolId()), 10_000_000L);

		var first = call("POST", "/api/v1/drive/uploads", "{\"path\": \"a.bin\", \"size\": 6000000}", Map.of())
			.get("id").asString();
		var second = raw("POST", "/api/v1/drive/uploads", "{\"path\": \"b.bin\", \"size\": 6000000}".getBytes(UTF_8),
				Map.of("Content-Type", "application/json"));
		var streamed = raw("PUT", "/api/v1/drive/files/c.bin", new byte[5_000_000], Map.of());
		var whole = raw("PUT", "/api/v1/drive/uploads/" + first, new byte[6_000_000], Map.of("Upload-Offset", "0"));

		assertThat(second.statusCode()).isEqualTo(413);
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(whole.statusCode()).isEqualTo(201);
		assertThat(call("GET", "/api/v1/drive/usage", null, Map.of()).get("usedBytes").asLong()).isEqualTo(6_000_000);
	}

	@Test
	void anUploadNothingWasSentToForAnHourIsRemovedAndTheRoomItHeldIsFree() throws Exception {
		quotas.set(student.id(), java.util.Objects.requireNonNull(student.schoolId()), 10_000_000L);
		var abandoned = call("POST", "/api/v1/drive/uploads", "{\"path\": \"a.bin\", \"size\": 6000000}", Map.of())
			.get("id").asString();
		call("PUT", "/api/v1/drive/uploads/" + abandoned, new byte[1_000_000], Map.of("Upload-Offset", "0"));
		var slow = call("POST", "/api/v1/drive/uploads", "{\"path\": \"b.bin\", \"size\": 2000000}", Map.of())
			.get("id").asString();
		call("PUT", "/api/v1/drive/uploads/" + slow, new byte[1000], Map.of("Upload-Offset", "0"));
		clock.pass(Duration.ofHours(2));
		var part = storage.scratch(student.id()).resolve(abandoned + ".part");
		Files.setLastModifiedTime(storage.scratch(student.id()).resolve(slow + ".part"), FileTime.from(clock.instant()));
		var whileHeld = raw("POST", "/api/v1/drive/uploads", "{\"path\": \"c.bin\", \"size\": 6000000}".getBytes(UTF_8),
				Map.of("Content-Type", "application/json"));

		parts.expire();

		assertThat(whileHeld.statusCode()).isEqualTo(413);
		assertThat(raw("GET", "/api/v1/drive/uploads/" + abandoned, null, Map.of()).statusCode()).isEqualTo(404);
		assertThat(part).doesNotExist();
		assertThat(call("GET", "/api/v1/drive/uploads/" + slow, null, Map.of()).get("offset").asLong())
			.as("begun long ago, but its bytes still come").isEqualTo(1000);
		assertThat(raw("POST", "/api/v1/drive/uploads", "{\"path\": \"c.bin\", \"size\": 6000000}".getBytes(UTF_8),
				Map.of("Content-Type", "application/json")).statusCode()).isEqualTo(201);
	}

	/** Sends the headers of a whole part and half of its body, then closes the connection, as a lost network does. */
	private void sendHalfAndDrop(String id, long offset, byte[] part) throws Exception {
		try (var socket = new Socket("localhost", port)) {
			var out = socket.getOutputStream();
			out.write(("PUT /api/v1/drive/uploads/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nUpload-Offset: " + offset + "\r\nContent-Length: " + part.length + "\r\n\r\n").getBytes(UTF_8));
			out.write(part, 0, part.length / 2);
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> offset(id) > offset);
		}
	}

	/** The offset once the server has seen the connection end and kept what arrived. */
	private long settled(String id) {
		var offset = new AtomicLong(-1);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
			.alias("the upload settles").until(() -> {
				var now = offset(id);
				var settled = now == offset.get() && raw("PUT", "/api/v1/drive/uploads/" + id, new byte[0],
						Map.of("Upload-Offset", Long.toString(now))).statusCode() == 200;
				offset.set(now);
				return settled;
			});
		return offset.get();
	}

	private long offset(String id) throws Exception {
		return call("GET", "/api/v1/drive/uploads/" + id, null, Map.of()).get("offset").asLong();
	}

	private JsonNode call(String method, String path, Object body, Map<String, String> headers) throws Exception {
		var bytes = body instanceof String text ? text.getBytes(UTF_8) : (byte[]) body;
		var more = new java.util.HashMap<>(headers);
		if (body instanceof String) {
			more.put("Content-Type", "application/json");
		}
		var response = raw(method, path, bytes, more);
		assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 299);
		return json.readTree(new String(response.body(), UTF_8));
	}

	private HttpResponse<byte[]> raw(String method, String path, byte[] body, Map<String, String> headers)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
