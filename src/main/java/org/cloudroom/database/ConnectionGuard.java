package org.cloudroom.database;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link OneConnectionPerThread} in front of the application's data source, watching from the moment the
 * application has started: the migrations before it take connections of their own, in one thread, alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class ConnectionGuard {

	@Bean
	static Guarding oneConnectionPerThread(ObjectProvider<DatabaseSettings> settings) {
		return new Guarding(settings);
	}

	static final class Guarding implements BeanPostProcessor, ApplicationListener<ApplicationStartedEvent> {

		private final ObjectProvider<DatabaseSettings> settings;
		private final List<OneConnectionPerThread> guards = new CopyOnWriteArrayList<>();

		Guarding(ObjectProvider<DatabaseSettings> settings) {
			this.settings = settings;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (bean instanceof DataSource pool && !(bean instanceof OneConnectionPerThread)) {
				var guard = new OneConnectionPerThread(pool, settings.getObject().secondConnection());
				guards.add(guard);
				return guard;
			}
			return bean;
		}

		@Override
		public void onApplicationEvent(ApplicationStartedEvent started) {
			guards.forEach(OneConnectionPerThread::watch);
		}
	}
}
