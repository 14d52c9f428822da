package dev.appsecrets.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Handlers read UUIDs in paths and parameters the way the access rules do (see
 * {@link CanonicalIds}). A converter is not enough: when a conversion fails, Spring falls
 * back to its default {@code UUIDEditor}, which trims {@code "<id> "} and accepts it, so
 * the handler would act on an id that no rule checked. A custom editor is asked first and
 * has no fallback.
 */
@ControllerAdvice
class StrictIdBinding {

	@InitBinder
	void readIdsStrictly(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new CanonicalUuidEditor());
	}

	private static final class CanonicalUuidEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			UUID uuid = CanonicalIds.uuid(text);
			if (uuid == null) {
				throw new IllegalArgumentException("not a canonical UUID");
			}
			setValue(uuid);
		}

		@Override
		public String getAsText() {
			return (getValue() != null) ? getValue().toString() : "";
		}

	}

}
