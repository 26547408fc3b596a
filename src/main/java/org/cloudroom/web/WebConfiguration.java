package org.cloudroom.web;

import org.cloudroom.accounts.People;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the language of pages into Spring MVC, and serves My computer's script to be kept. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Languages languages;

	WebConfiguration(People people) {
		this.languages = new Languages(people);
	}

	@Bean
	Languages localeResolver() {
		return languages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(languages);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(DesktopScript.PATHS)
			.addResourceLocations("classpath:/static/js/")
			.setCacheControl(DesktopScript.KEPT);
	}
}
