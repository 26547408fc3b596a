package org.cloudroom.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.cloudroom.status.Refused;
import org.cloudroom.status.Status;
import org.springframework.stereotype.Service;

/**
 * Adds a whole school's or class's people from a file: a CSV with the columns
 * {@code username,given_name,family_name,role,class[,password]} (several classes separated by {@code ;}), or a
 * OneRoster 1.1 CSV bundle (zip). Classes named in a CSV that the school does not have yet are created with it.
 */
@Service
public class PeopleImport {

	public static final List<String> COLUMNS = List.of("username", "given_name", "family_name", "role", "class",
			"password");

	private final Roster roster;
	private final AccountsSettings settings;
	private final Map<SchoolId, ReentrantLock> importing = new ConcurrentHashMap<>();

	PeopleImport(Roster roster, AccountsSettings settings) {
		this.roster = roster;
		this.settings = settings;
	}

	/** Imports the file; a zip is read as a OneRoster bundle, anything else as CSV. */
	public ImportResult importFile(SchoolId school, InputStream content, boolean zip) throws IOException {
		return importBytes(school, read(content), zip, Progress.NONE);
	}

	/**
	 * One import of a school at a time: a second one (a double click, two admins at once) waits and then finds what
	 * the first created, rather than racing it in the database, which answered one of them with a lock timeout.
	 */
	ImportResult importBytes(SchoolId school, byte[] bytes, boolean zip, Progress progress) {
		var lock = importing.computeIfAbsent(school, id -> new ReentrantLock());
		lock.lock();
		try {
			if (zip || isZip(bytes)) {
				var bundle = OneRosterBundle.read(bytes, settings.importLimit().toBytes());
				return roster.add(school, bundle.rows(), true, progress).withSkipped(bundle.skipped());
			}
			return roster.add(school, csvRows(CsvTable.parse(bytes, null)), true, progress);
		}
		finally {
			lock.unlock();
		}
	}

	byte[] read(InputStream content) throws IOException {
		long limit = settings.importLimit().toBytes();
		var bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (bytes.length > limit) {
			throw new Refused(Status.TOO_LARGE, "import.too-large", settings.importLimit().toMegabytes());
		}
		if (bytes.length == 0) {
			throw new Refused(Status.UNPROCESSABLE, "import.empty");
		}
		return bytes;
	}

	private static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	private static List<RosterRow> csvRows(CsvTable table) {
		table.require("username", "given_name", "family_name", "role");
		return table.rows().stream().map(row -> new RosterRow(null, row.line(), row.get("username"),
				row.get("given_name"), row.get("family_name"), row.get("role"), classes(row.get("class")),
				row.get("password").isEmpty() ? null : row.get("password"))).toList();
	}

	static List<String> classes(String names) {
		return Arrays.stream(names.split(";")).map(String::strip).filter(name -> !name.isEmpty()).toList();
	}
}
