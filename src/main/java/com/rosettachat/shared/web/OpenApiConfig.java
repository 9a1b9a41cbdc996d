package com.rosettachat.shared.web;

import com.rosettachat.shared.security.CurrentGuest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (UI at /docs). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // Resolved by our own argument resolvers, not request parameters a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Input.class, CurrentUser.class, CurrentGuest.class, RawBody.class);
    }

    @Bean
    OpenAPI rosettaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("RosettaChat API").version("v1")
                        .description("Team chat where every reader sees every message in their own language."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token: {id}|{secret}"))
                        .addSecuritySchemes("guest", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(CurrentGuest.HEADER)
                                .description("A temporary room guest's session token: grst_...")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
