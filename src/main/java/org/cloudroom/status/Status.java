package org.cloudroom.status;

/**
 * Every way Cloudroom refuses a request, with the HTTP status and the WebSocket close code that carry it.
 */
public enum Status {
	BAD_REQUEST(400, 4400),
	UNAUTHORIZED(401, 4401),
	FORBIDDEN(403, 4403),
	NOT_FOUND(404, 4404),
	CONFLICT(409, 4409),
	TOO_LARGE(413, 4413),
	UNSUPPORTED_TYPE(415, 4415),
	UNPROCESSABLE(422, 4422),
	LOCKED(423, 4423),
	TOO_MANY(429, 4429),
	SERVER_FULL(503, 4503),
	INSUFFICIENT_STORAGE(507, 4507);

	private final int http;
	private final int webSocket;

	Status(int http, int webSocket) {
		this.http = http;
		this.webSocket = webSocket;
	}

	public int http() {
		return http;
	}

	public int webSocket() {
		return webSocket;
	}
}
