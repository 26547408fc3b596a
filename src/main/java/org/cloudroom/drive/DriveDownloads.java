package org.cloudroom.drive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.cloudroom.accounts.CloudroomUser;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files and folders of one's own drive streamed to the browser: a file as it is (ranges too), a folder as a zip.
 * Names in any script reach the browser through the RFC 5987 {@code filename*}. Only images, PDF and plain text
 * open in the browser; text of any kind opens as plain text, and nothing opened runs scripts.
 */
@RestController
@RequestMapping("/api/v1/drive")
class DriveDownloads {

	private final Drive drive;

	DriveDownloads(Drive drive) {
		this.drive = drive;
	}

	@GetMapping("/files/{*path}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal CloudroomUser user, @PathVariable String path,
			@RequestParam(defaultValue = "false") boolean inline) throws IOException {
		var file = drive.file(user, inDrive(path));
		var name = file.getFilename();
		var type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
		var opens = inline && (type.getType().equals("image") || type.getType().equals("text")
				|| type.equals(MediaType.APPLICATION_PDF));
		if (opens && type.getType().equals("text")) {
			type = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
		}
		var disposition = (opens ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(name, StandardCharsets.UTF_8).build();
		var response = ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff");
		if (!type.equals(MediaType.APPLICATION_PDF)) {
			// the browser's PDF viewer does not run in a sandbox; everything else may
			response.header("Content-Security-Policy", "sandbox");
		}
		return response.body(file);
	}

	/**
	 * Written here, on the request's own (virtual) thread, rather than as an asynchronous body: a request with a
	 * bearer token has no session to carry its login over to an asynchronous dispatch.
	 */
	@GetMapping("/zip")
	void zip(@AuthenticationPrincipal CloudroomUser user, @RequestParam(defaultValue = "") String path,
			HttpServletResponse response) throws IOException {
		var folder = drive.folder(user, path);
		var name = (path.isEmpty() ? "drive" : DrivePath.of(path).name()) + ".zip";
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		Zips.write(folder, response.getOutputStream());
	}

	/** The path in the drive from the rest of a URL, which starts with the slash before it. */
	static String inDrive(String rest) {
		return rest.startsWith("/") ? rest.substring(1) : rest;
	}
}
