import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Drive throughput against a running server (see bench/drive.sh): a 1 GB file (with curl) and 1,000 small files
 * (with one kept-alive Java HTTP client) uploaded and downloaded through the API, against cp and dd of the same
 * data on the same disk, in one run; and the server's memory
 * (RSS) after a 100 MB and after a 1 GB upload, which must not grow with the file. Reuses DesktopBench's helpers.
 */
public class DriveBench {

	static final long MB = 1024 * 1024;

	public static void main(String[] args) throws Exception {
		DesktopBench.base = args[0];
		var operator = DesktopBench.token("admin", args[1]);
		var scratch = Files.createDirectories(Path.of(args[2]));
		long serverPid = Long.parseLong(args[3]);
		int rounds = 3;
		var student = DesktopBench.students(operator, 1).getFirst();
		quota(operator, student, 8L * 1024 * MB);

		var big = scratch.resolve("big.bin");
		write(big, 1024 * MB);
		var small = Files.createDirectories(scratch.resolve("small"));
		for (int i = 0; i < 1000; i++) {
			write(small.resolve("f%04d.txt".formatted(i)), 8 * 1024);
		}
		var rows = new ArrayList<String>();
		double cpBig = median(rounds, () -> cp(big, scratch.resolve("big.copy")));
		double ddBig = median(rounds, () -> dd(big, scratch.resolve("big.dd")));
		rows.add(row("1 GB file", "upload", median(rounds, () -> curl(student, "-T", big, "big.bin")), cpBig, ddBig));
		rows.add(row("1 GB file", "download",
				median(rounds, () -> curl(student, "-o", scratch.resolve("big.down"), "big.bin")), cpBig, ddBig));
		double cpSmall = median(rounds, () -> cp(small, scratch.resolve("small.copy")));
		rows.add(row("1,000 files of 8 KB", "upload", median(rounds, () -> {
			long t0 = System.nanoTime();
			for (int i = 0; i < 1000; i++) {
				upload(student, small.resolve("f%04d.txt".formatted(i)), "small/f%04d.txt".formatted(i));
			}
			return (System.nanoTime() - t0) / 1e9;
		}), cpSmall, Double.NaN));
		rows.add(row("1,000 files of 8 KB", "download", median(rounds, () -> {
			long t0 = System.nanoTime();
			var into = Files.createDirectories(scratch.resolve("small.down"));
			for (int i = 0; i < 1000; i++) {
				download(student, "small/f%04d.txt".formatted(i), into.resolve("f%04d.txt".formatted(i)));
			}
			return (System.nanoTime() - t0) / 1e9;
		}), cpSmall, Double.NaN));
		System.out.println("| data | through the API | API, s (median of " + rounds
				+ ") | cp, s | API of cp | dd bs=1M, s | API of dd |");
		System.out.println("|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);

		var hundred = scratch.resolve("hundred.bin");
		write(hundred, 100 * MB);
		upload(student, hundred, "hundred.bin");
		long afterHundred = rss(serverPid);
		upload(student, big, "big-again.bin");
		long afterGigabyte = rss(serverPid);
		System.out.printf(Locale.ROOT, "server RSS after a 100 MB upload: %d MB; after a 1 GB upload: %d MB (%+d MB)%n",
				afterHundred / MB, afterGigabyte / MB, (afterGigabyte - afterHundred) / MB);
	}

	static String row(String data, String way, double api, double cp, double dd) {
		return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.0f%% | %s | %s |", data, way, api, cp,
				100 * cp / api, Double.isNaN(dd) ? "–" : "%.2f".formatted(dd),
				Double.isNaN(dd) ? "–" : "%.0f%%".formatted(100 * dd / api));
	}

	/** A copy through user space, a megabyte at a time, as a program that reads and writes does. */
	static double dd(Path from, Path to) throws Exception {
		long t0 = System.nanoTime();
		if (new ProcessBuilder("dd", "if=" + from, "of=" + to, "bs=1M", "status=none").inheritIO().start()
			.waitFor() != 0) {
			throw new IllegalStateException("dd failed");
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	static double upload(DesktopBench.Student student, Path file, String path) throws Exception {
		long t0 = System.nanoTime();
		DesktopBench.send(HttpRequest.newBuilder(URI.create(DesktopBench.base + "/api/v1/drive/files/" + encode(path)))
			.header("Authorization", "Bearer " + student.token()).PUT(HttpRequest.BodyPublishers.ofFile(file)).build());
		return (System.nanoTime() - t0) / 1e9;
	}

	/** curl as the client of a large file: C, one buffer, so the figure is the server's more than the client's. */
	static double curl(DesktopBench.Student student, String option, Path file, String path) throws Exception {
		long t0 = System.nanoTime();
		var curl = new ProcessBuilder("curl", "-sSf", "-H", "Authorization: Bearer " + student.token(), option,
				file.toString(), DesktopBench.base + "/api/v1/drive/files/" + encode(path)).inheritIO()
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (curl.waitFor() != 0) {
			throw new IllegalStateException("curl " + option + " " + path + " failed");
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	static double download(DesktopBench.Student student, String path, Path to) throws Exception {
		long t0 = System.nanoTime();
		var response = DesktopBench.http.send(HttpRequest.newBuilder(
				URI.create(DesktopBench.base + "/api/v1/drive/files/" + encode(path)))
			.header("Authorization", "Bearer " + student.token()).build(), HttpResponse.BodyHandlers.ofFile(to));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	static double cp(Path from, Path to) throws Exception {
		new ProcessBuilder("rm", "-rf", to.toString()).inheritIO().start().waitFor();
		long t0 = System.nanoTime();
		if (new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start().waitFor() != 0) {
			throw new IllegalStateException("cp failed");
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	static void quota(String operator, DesktopBench.Student student, long bytes) throws Exception {
		var me = DesktopBench.send(HttpRequest.newBuilder(URI.create(DesktopBench.base + "/api/v1/me"))
			.header("Authorization", "Bearer " + student.token()).build());
		var person = DesktopBench.field(me, "id");
		var school = DesktopBench.field(me, "schoolId");
		DesktopBench.send(HttpRequest.newBuilder(URI.create(DesktopBench.base + "/api/v1/schools/" + school
				+ "/people/" + person + "/quota"))
			.header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"quotaBytes\":" + bytes + "}")).build());
	}

	/** A file of incompressible bytes, written a megabyte at a time. */
	static void write(Path file, long size) throws Exception {
		var block = new byte[(int) Math.min(size, MB)];
		new Random(size).nextBytes(block);
		try (var out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += block.length) {
				out.write(block, 0, (int) Math.min(block.length, size - written));
			}
		}
	}

	static long rss(long pid) throws Exception {
		for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		throw new IllegalStateException("no VmRSS for " + pid);
	}

	/** Runs the measurement once to warm up, then this many times, and gives the median in seconds. */
	static double median(int rounds, Callable<Double> seconds) throws Exception {
		seconds.call();
		var values = new ArrayList<Double>();
		for (int i = 0; i < rounds; i++) {
			values.add(seconds.call());
		}
		return DesktopBench.median(values);
	}

	static String encode(String path) {
		return String.join("/", List.of(path.split("/")).stream()
			.map(n -> URLEncoder.encode(n, StandardCharsets.UTF_8).replace("+", "%20")).toList());
	}
}
