package org.cloudroom.drive;

import java.io.IOException;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uploads in parts: {@code POST /uploads {"path","size"}} begins one, each {@code PUT /uploads/{id}} with an
 * {@code Upload-Offset} header sends the next bytes, {@code GET} tells how far it got after a dropped connection.
 */
@RestController
@RequestMapping("/api/v1/drive/uploads")
class PartUploadsApi {

	record Begin(String path, long size) {
	}

	private final PartUploads uploads;

	PartUploadsApi(PartUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping
	ResponseEntity<PartUploads.Part> begin(@AuthenticationPrincipal CloudroomUser user, @RequestBody Begin begin)
			throws IOException {
		return ResponseEntity.status(HttpStatus.CREATED).body(uploads.begin(user, begin.path(), begin.size()));
	}

	@GetMapping("/{id}")
	PartUploads.Part find(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id) throws IOException {
		return uploads.find(user, id);
	}

	/** The next bytes; answers the part's new offset, or 201 with the stored file once it is whole. */
	@PutMapping("/{id}")
	ResponseEntity<?> append(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id,
			@RequestHeader("Upload-Offset") long offset, HttpServletRequest request) throws IOException {
		var path = uploads.find(user, id).path();
		var stored = uploads.append(user, id, offset, request.getInputStream());
		if (stored.isPresent()) {
			return ResponseEntity.status(HttpStatus.CREATED).body(new DriveApi.Stored(path, stored.get().size()));
		}
		return ResponseEntity.ok(uploads.find(user, id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> cancel(@AuthenticationPrincipal CloudroomUser user, @PathVariable UUID id) throws IOException {
		uploads.cancel(user, id);
		return ResponseEntity.noContent().build();
	}
}
