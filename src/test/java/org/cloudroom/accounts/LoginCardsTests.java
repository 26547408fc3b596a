package org.cloudroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.cloudroom.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;

@DatabaseTest
class LoginCardsTests {

	private static final LoginSource SCHOOL = LoginSource.of("192.0.2.1");

	@Autowired
	LoginCards cards;

	@Autowired
	Roster roster;

	@Autowired
	Schools schools;

	@Autowired
	Classes classes;

	@Autowired
	People people;

	@Autowired
	PasswordLogin login;

	@Autowired
	PasswordEncoder passwords;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);
	private SchoolId school;
	private SchoolClass schoolClass;
	private ImportResult imported;

	@BeforeEach
	void createClass() {
		school = schools.insert("School " + UUID.randomUUID(), 10).id();
		imported = roster.add(school, List.of(row("t-" + suffix, "teacher"), row("s1-" + suffix, "student"),
				row("s2-" + suffix, "student"), row("s3-" + suffix, "student")), true);
		schoolClass = classes.findByName(school, "Grade 5 Class 2").orElseThrow();
	}

	@Test
	void issuesEachStudentOfTheClassACardThatLogsThemInWithTheirPasswordUnchanged() {
		var printed = cards.issueForClass(school, schoolClass.id(), false);

		assertThat(printed).extracting(LoginCards.PrintedCard::username)
			.containsExactlyInAnyOrder("s1-" + suffix, "s2-" + suffix, "s3-" + suffix);
		for (var card : printed) {
			var holder = cards.holder(qrText(card)).orElseThrow();
			assertThat(holder.id()).isEqualTo(card.person());
			assertThat(holder.username()).isEqualTo(card.username());
			assertThat(card.className()).isEqualTo("Grade 5 Class 2");
			assertThat(card.password()).isNull();
			var initial = imported.people().stream().filter(c -> c.username().equals(card.username())).findFirst()
				.orElseThrow().initialPassword();
			assertThat(login.check(card.username(), initial, SCHOOL).id()).as("the password from the import")
				.isEqualTo(card.person());
		}
	}

	@Test
	void aNewCardForOnePersonKeepsTheirPassword() {
		var student = imported.people().get(1);

		var card = cards.issueFor(school, person(student.username()));

		assertThat(card.password()).isNull();
		assertThat(login.check(student.username(), student.initialPassword(), SCHOOL).username())
			.isEqualTo(student.username());
	}

	@Test
	void replacesTheInitialPasswordsWithTheOnesOnTheCardsOnlyWhenAskedTo() {
		var student = imported.people().get(1);

		var card = cards.issueForClass(school, schoolClass.id(), true).stream()
			.filter(c -> c.username().equals(student.username())).findFirst().orElseThrow();

		assertThat(card.password()).isNotNull().isNotEqualTo(student.initialPassword());
		assertThat(login.check(student.username(), card.password(), SCHOOL).id()).isEqualTo(card.person());
		assertThatThrownBy(() -> login.check(student.username(), student.initialPassword(), SCHOOL))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void voidsTheOldCardWhenANewOneIsIssued() {
		var student = person("s1-" + suffix);
		var old = cards.issueFor(school, student);

		var renewed = cards.issueFor(school, student);

		assertThat(cards.holder(qrText(old))).isEmpty();
		assertThat(cards.holder(qrText(renewed))).map(CloudroomUser::id).contains(student);
	}

	@Test
	void aVoidedCardNoLongerLogsAnyoneIn() {
		var student = person("s2-" + suffix);
		var card = cards.issueFor(school, student);

		cards.voidCard(school, student);

		assertThat(cards.holder(qrText(card))).isEmpty();
		assertThat(cards.validCards(school, schoolClass.id())).doesNotContainKey(student);
	}

	@Test
	void keepsAPasswordTheStudentChose() {
		var student = person("s3-" + suffix);
		people.setPassword(student, passwords.encode("my own secret"), true);

		var card = cards.issueForClass(school, schoolClass.id(), true).stream()
			.filter(c -> c.person().equals(student)).findFirst().orElseThrow();

		assertThat(card.password()).isNull();
		assertThat(card.ownPassword()).isTrue();
		assertThat(login.check("s3-" + suffix, "my own secret", SCHOOL).id()).isEqualTo(student);
		assertThat(cards.holder(qrText(card))).isPresent();
	}

	@Test
	void findsNoCardInTextThatIsNotOurs() {
		cards.issueForClass(school, schoolClass.id(), false);

		assertThat(cards.holder("https://example.org/")).isEmpty();
		assertThat(cards.holder(LoginCards.PREFIX + "made-up")).isEmpty();
	}

	@Test
	void readsNothingFromBytesThatAreNoPicture() {
		assertThat(QrCodes.read("not a picture".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(QrCodes.read(new byte[0])).isEmpty();
	}

	@Test
	void readsNothingFromAPictureWithoutQrCode() throws IOException {
		var blank = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY), "png", blank);

		assertThat(QrCodes.read(blank.toByteArray())).isEmpty();
	}

	@Test
	void readsACardOnlyFromAPngJpegOrGifPictureAsTheLoginPageSays() throws IOException {
		var text = "cloudroom:" + suffix;
		var card = ImageIO.read(new java.io.ByteArrayInputStream(QrCodes.png(text, 360)));

		assertThat(QrCodes.read(encode(card, "gif"))).contains(text);
		assertThat(QrCodes.read(encode(card, "jpeg"))).contains(text);
		assertThat(QrCodes.read(encode(card, "bmp"))).as("BMP").isEmpty();
		assertThat(QrCodes.read(encode(card, "tiff"))).as("TIFF").isEmpty();
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.createGraphics().drawImage(image, 0, 0, null);
		var out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(rgb, format, out)).as("written as " + format).isTrue();
		return out.toByteArray();
	}

	@Test
	void refusesToUnpackAPictureThatClaimsAHugeSize() throws IOException {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var png = pngHeaderOnly(20_000, 20_000);
		var before = threads.getCurrentThreadAllocatedBytes();

		var text = QrCodes.read(png);

		assertThat(text).isEmpty();
		assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated")
			.isLessThan(50L * 1024 * 1024);
	}

	private PersonId person(String username) {
		return people.findByUsername(username).orElseThrow().id();
	}

	private static String qrText(LoginCards.PrintedCard card) {
		var png = Base64.getDecoder().decode(card.qrCode().substring("data:image/png;base64,".length()));
		return QrCodes.read(png).orElseThrow();
	}

	private static RosterRow row(String username, String role) {
		return new RosterRow(null, 0, username, "Ming", "Wang", role, List.of("Grade 5 Class 2"), null);
	}

	/** A grey PNG whose header declares the given size, with the first pixel rows only. */
	private static byte[] pngHeaderOnly(int width, int height) throws IOException {
		var out = new ByteArrayOutputStream();
		var data = new DataOutputStream(out);
		data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		var header = new ByteArrayOutputStream();
		var fields = new DataOutputStream(header);
		fields.writeInt(width);
		fields.writeInt(height);
		fields.write(new byte[] { 8, 0, 0, 0, 0 });
		chunk(data, "IHDR", header.toByteArray());
		var deflater = new Deflater();
		deflater.setInput(new byte[width + 1]);
		deflater.finish();
		var packed = new byte[1024];
		chunk(data, "IDAT", Arrays.copyOf(packed, deflater.deflate(packed)));
		chunk(data, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(DataOutputStream out, String type, byte[] content) throws IOException {
		var crc = new CRC32();
		crc.update(type.getBytes(StandardCharsets.US_ASCII));
		crc.update(content);
		out.writeInt(content.length);
		out.writeBytes(type);
		out.write(content);
		out.writeInt((int) crc.getValue());
	}
}
