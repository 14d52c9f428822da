package dev.appsecrets.web;

import java.util.Map;

import dev.appsecrets.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret values reach no log line, on the happy path or on any error path.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests extends ApiTest {

	private static final String VALUE = "zx9-Value-That-Must-Never-Be-Logged";

	@Test
	void valuesAppearInNoLogLineWhateverGoesWrong(CapturedOutput output) {
		String appId = createApp("hygiene");
		String secretId = createSecret(appId, "K", VALUE);
		String path = "/apps/" + appId + "/secrets";
		http().get(path);
		http().get(path + "/" + secretId);
		http().post(path, Map.of("key", "K", "value", VALUE));
		http().post(path, Map.of("key", "bad-key", "value", VALUE));
		http().post(path, "{\"key\":\"K\",\"value\": " + VALUE + "}");
		http().post(path, "{\"key\":\"K\",\"value\":\"" + VALUE + "\"");
		http().post(path, "{\"key\":\"" + VALUE + "\",\"value\":1}");
		http().post(path, Map.of("key", "L", "value", VALUE + "x".repeat(1024 * 1024)));
		http().patch(path + "/" + secretId, Map.of("key", "K\u0000" + VALUE));
		http().send("POST", path, "text/plain", VALUE);

		assertThat(output.getAll()).doesNotContain(VALUE).doesNotContainIgnoringCase("insert into");
	}

}
