package dev.appsecrets.web;

import java.net.URI;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code Location} of a resource a POST created: the request's URL followed by the
 * new id.
 */
public final class Locations {

	private Locations() {
	}

	/**
	 * The URL of a resource created under the current request's URL.
	 * @param id the new resource's id
	 * @return its absolute URL
	 */
	public static URI created(Object id) {
		return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
	}

}
