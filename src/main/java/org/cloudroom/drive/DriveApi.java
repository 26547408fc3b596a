package org.cloudroom.drive;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.cloudroom.accounts.CloudroomUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One's own drive in the JSON API. Nothing here names a person: every request reaches only the drive of whoever
 * makes it. Downloads are in {@link DriveDownloads}.
 */
@RestController
@RequestMapping("/api/v1/drive")
class DriveApi {

	record Move(String from, String to) {
	}

	record Folder(String path) {
	}

	record Stored(String path, long size) {
	}

	record Restored(String path) {
	}

	private final Drive drive;
	private final DriveSpace space;

	DriveApi(Drive drive, DriveSpace space) {
		this.drive = drive;
		this.space = space;
	}

	@GetMapping("/list")
	List<Entry> list(@AuthenticationPrincipal CloudroomUser user, @RequestParam(defaultValue = "") String path)
			throws IOException {
		return drive.list(user, path);
	}

	@GetMapping("/search")
	List<Entry> search(@AuthenticationPrincipal CloudroomUser user, @RequestParam String name) throws IOException {
		return drive.search(user, name);
	}

	@PutMapping("/files/{*path}")
	ResponseEntity<Stored> upload(@AuthenticationPrincipal CloudroomUser user, @PathVariable String path,
			HttpServletRequest request) throws IOException {
		var inDrive = DriveDownloads.inDrive(path);
		var stored = drive.upload(user, inDrive, request.getContentLengthLong(), request.getInputStream());
		var body = new Stored(inDrive, stored.size());
		return stored.replaced() ? ResponseEntity.ok(body)
				: ResponseEntity.created(URI.create("/api/v1/drive/files/" + encoded(inDrive))).body(body);
	}

	@DeleteMapping("/files/{*path}")
	TrashEntry delete(@AuthenticationPrincipal CloudroomUser user, @PathVariable String path) throws IOException {
		return drive.delete(user, DriveDownloads.inDrive(path));
	}

	@PostMapping("/move")
	ResponseEntity<Void> move(@AuthenticationPrincipal CloudroomUser user, @RequestBody Move move)
			throws IOException {
		drive.move(user, move.from(), move.to());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/folders")
	ResponseEntity<Folder> makeFolder(@AuthenticationPrincipal CloudroomUser user, @RequestBody Folder folder)
			throws IOException {
		drive.makeFolder(user, folder.path());
		return ResponseEntity.status(HttpStatus.CREATED).body(folder);
	}

	@GetMapping("/usage")
	Drive.Space usage(@AuthenticationPrincipal CloudroomUser user) throws IOException {
		return space.current(user.id(), user.role());
	}

	@GetMapping("/trash")
	List<TrashEntry> trash(@AuthenticationPrincipal CloudroomUser user) {
		return drive.trash(user);
	}

	@PostMapping("/trash/{id}/restore")
	Restored restore(@AuthenticationPrincipal CloudroomUser user, @PathVariable TrashId id) throws IOException {
		return new Restored(drive.restore(user, id));
	}

	@DeleteMapping("/trash/{id}")
	ResponseEntity<Void> purge(@AuthenticationPrincipal CloudroomUser user, @PathVariable TrashId id)
			throws IOException {
		drive.purge(user, id);
		return ResponseEntity.noContent().build();
	}

	private static String encoded(String path) {
		return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
	}
}
