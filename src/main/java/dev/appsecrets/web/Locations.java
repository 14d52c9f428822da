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

	/**
	 * The URL of a resource of this service.
	 * @param path its path template, such as {@code /apps/{appId}/secrets/{id}}
	 * @param variables the template's variables, in order
	 * @return its absolute URL
	 */
	public static URI of(String path, Object... variables) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(variables).toUri();
	}

}
