package org.cloudroom.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the JSON API at {@code /v3/api-docs}: bearer tokens from {@code POST /api/v1/auth/token}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI cloudroomApi() {
		return new OpenAPI()
			.info(new Info().title("Cloudroom API").version("v1")
				.description("Schools, classes and people of a Cloudroom program. Take a token from "
						+ "POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
