package org.cloudroom.drive;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cloudroom.accounts.ClassId;
import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Class materials and hand-in in the JSON API. Materials are the drive's {@code Classes/<class>/Materials} folder
 * named by the class's id; only the class's people reach them, and only its teachers change them.
 */
@RestController
@org.springframework.web.bind.annotation.RequestMapping("/api/v1")
class ClassesApi {

	record NewAssignment(@Nullable String title, @Nullable OffsetDateTime dueAt) {
	}

	record Comment(@Nullable String comment) {
	}

	private final Drive drive;
	private final DriveDownloads downloads;
	private final ClassFolders folders;
	private final HandIns handIns;

	ClassesApi(Drive drive, DriveDownloads downloads, ClassFolders folders, HandIns handIns) {
		this.drive = drive;
		this.downloads = downloads;
		this.folders = folders;
		this.handIns = handIns;
	}

	@GetMapping("/classes/{classId}/materials")
	List<Entry> materials(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestParam(defaultValue = "") String path) throws IOException {
		return drive.list(user, inMaterials(user, classId, path));
	}

	@GetMapping("/classes/{classId}/materials/{*path}")
	ResponseEntity<Resource> material(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@PathVariable String path) throws IOException {
		return downloads.download(user, "/" + inMaterials(user, classId, DriveDownloads.inDrive(path)), false);
	}

	@PutMapping("/classes/{classId}/materials/{*path}")
	ResponseEntity<DriveApi.Stored> handOut(@AuthenticationPrincipal CloudroomUser user,
			@PathVariable ClassId classId, @PathVariable String path, HttpServletRequest request) throws IOException {
		var inDrive = inMaterials(user, classId, DriveDownloads.inDrive(path));
		var stored = drive.upload(user, inDrive, request.getContentLengthLong(), request.getInputStream());
		var body = new DriveApi.Stored(inDrive, stored.size());
		return stored.replaced() ? ResponseEntity.ok(body)
				: ResponseEntity.created(URI.create("/api/v1/classes/" + classId + "/materials" + path)).body(body);
	}

	@DeleteMapping("/classes/{classId}/materials/{*path}")
	TrashEntry withdraw(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@PathVariable String path) throws IOException {
		return drive.delete(user, inMaterials(user, classId, DriveDownloads.inDrive(path)));
	}

	@GetMapping("/classes/{classId}/assignments")
	List<Assignment> assignments(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId) {
		return handIns.ofClass(user, classId);
	}

	@PostMapping("/classes/{classId}/assignments")
	ResponseEntity<Assignment> open(@AuthenticationPrincipal CloudroomUser user, @PathVariable ClassId classId,
			@RequestBody NewAssignment assignment) throws IOException {
		var opened = handIns.open(user, classId, assignment.title() == null ? "" : assignment.title(),
				assignment.dueAt());
		return ResponseEntity.status(HttpStatus.CREATED).body(opened);
	}

	@GetMapping("/assignments/mine")
	List<HandIns.Mine> mine(@AuthenticationPrincipal CloudroomUser user) {
		return handIns.mine(user);
	}

	@GetMapping("/assignments/{id}/hand-ins")
	List<HandIns.HandIn> handIns(@AuthenticationPrincipal CloudroomUser user, @PathVariable AssignmentId id)
			throws IOException {
		return handIns.overview(user, id);
	}

	@GetMapping("/assignments/{id}/hand-ins.zip")
	void zip(@AuthenticationPrincipal CloudroomUser user, @PathVariable AssignmentId id, HttpServletResponse response)
			throws IOException {
		var assignment = handIns.assignment(user, id);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(assignment.folderName() + ".zip", java.nio.charset.StandardCharsets.UTF_8).build().toString());
		handIns.zipAll(user, id, response.getOutputStream());
	}

	@PutMapping("/assignments/{id}/hand-ins/{personId}/comment")
	Comment comment(@AuthenticationPrincipal CloudroomUser user, @PathVariable AssignmentId id,
			@PathVariable PersonId personId, @RequestBody Comment comment) {
		handIns.comment(user, id, personId, comment.comment());
		return comment;
	}

	private String inMaterials(CloudroomUser user, ClassId classId, String path) {
		var materials = folders.materialsPath(user, classId);
		DrivePath.of(path);
		return path.isEmpty() ? materials : materials + "/" + path;
	}
}
