package dev.appsecrets.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A controller's request and error mapping alone, with MockMvc: the controller, the
 * shared problem and strict-JSON configuration, no database, no audit, no security
 * filters (the route guard still runs). The services are {@code @MockitoBean}s of the
 * test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.appsecrets\\.web\\.(JsonConfiguration|Problems|DatabaseAvailability)"),
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.appsecrets\\.audit\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ControllerSlice.Settings.class)
@ExtendWith(ControllerSlice.UnbindLastRequest.class)
public @interface ControllerSlice {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/** The request size the web filters read, bound as in the application. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RequestLimitsProperties.class)
	class Settings {

	}

	/**
	 * MockMvc runs requests on the test's own thread and leaves the last one bound to it;
	 * later tests on that thread must not look as if they ran inside a request.
	 */
	class UnbindLastRequest implements AfterEachCallback {

		@Override
		public void afterEach(ExtensionContext context) {
			RequestContextHolder.resetRequestAttributes();
		}

	}

}
