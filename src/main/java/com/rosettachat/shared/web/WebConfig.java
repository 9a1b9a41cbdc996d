package com.rosettachat.shared.web;

import com.rosettachat.shared.security.CurrentGuestArgumentResolver;
import com.rosettachat.shared.security.CurrentUserArgumentResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final HttpProperties properties;

    WebConfig(HttpProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new InputArgumentResolver(properties.maxBodyBytes()));
        resolvers.add(new CurrentUserArgumentResolver());
        resolvers.add(new CurrentGuestArgumentResolver());
    }

    /** The API speaks JSON whatever the client's Accept header says, as Laravel's API routes do. */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }
}
