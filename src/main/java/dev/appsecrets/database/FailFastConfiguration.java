package dev.appsecrets.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.appsecrets.web.DatabaseAvailability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link FailFastDataSource} in front of the connection pool.
 */
@Configuration(proxyBeanMethods = false)
class FailFastConfiguration {

	@Bean
	static BeanPostProcessor failFastDataSource(ObjectProvider<DatabaseAvailability> availability) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof HikariDataSource pool) ? new FailFastDataSource(pool, availability.getObject())
						: bean;
			}
		};
	}

}
