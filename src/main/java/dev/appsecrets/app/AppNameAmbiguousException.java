package dev.appsecrets.app;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Several apps the caller may touch have the name it used: answered as a 409 that names
 * them, so the caller can use an id instead.
 */
class AppNameAmbiguousException extends ErrorResponseException {

	AppNameAmbiguousException(String name, List<UUID> ids) {
		super(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						ids.size() + " apps are named \"" + name + "\": name one by its id ("
								+ ids.stream().map(UUID::toString).collect(Collectors.joining(", ")) + ")"),
				null);
	}

}
