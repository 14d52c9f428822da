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
		// Numbers and booleans as plainly: Spring also reads 0x10, "+5", " 5", full-width
		// digits, yes, on and 1.
		binder.registerCustomEditor(int.class, new PlainNumberEditor(false));
		binder.registerCustomEditor(Integer.class, new PlainNumberEditor(false));
		binder.registerCustomEditor(long.class, new PlainNumberEditor(true));
		binder.registerCustomEditor(Long.class, new PlainNumberEditor(true));
		binder.registerCustomEditor(boolean.class, new PlainBooleanEditor());
		binder.registerCustomEditor(Boolean.class, new PlainBooleanEditor());
	}

	private static final class PlainNumberEditor extends PropertyEditorSupport {

		private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?[0-9]{1,18}");

		private final boolean wide;

		PlainNumberEditor(boolean wide) {
			this.wide = wide;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || !DECIMAL.matcher(text).matches()) {
				throw new IllegalArgumentException("not a plain decimal number");
			}
			long value = Long.parseLong(text);
			if (!this.wide && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
				throw new IllegalArgumentException("out of range");
			}
			setValue(this.wide ? (Object) value : (Object) (int) value);
		}

	}

	private static final class PlainBooleanEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (!"true".equals(text) && !"false".equals(text)) {
				throw new IllegalArgumentException("not true or false");
			}
			setValue(Boolean.valueOf(text));
		}

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
