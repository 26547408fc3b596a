package org.cloudroom.https;

import org.cloudroom.status.Refused;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate of the server's own authority, for installing once on each computer of the room so that its
 * browsers trust the HTTPS address. Public: a certificate is no secret, and the computers need it before anyone
 * logs in there.
 */
@RestController
class AuthorityDownload {

	private final SecureAddress address;

	AuthorityDownload(SecureAddress address) {
		this.address = address;
	}

	@GetMapping("/cloudroom-ca.crt")
	ResponseEntity<FileSystemResource> authority() {
		var file = address.authority().orElseThrow(Refused::notFound);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-x509-ca-cert"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cloudroom-ca.crt\"")
			.body(new FileSystemResource(file));
	}
}
