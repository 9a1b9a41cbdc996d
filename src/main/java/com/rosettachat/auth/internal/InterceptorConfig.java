package com.rosettachat.auth.internal;

import com.rosettachat.auth.internal.session.CsrfInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class InterceptorConfig implements WebMvcConfigurer {

    private final CsrfInterceptor csrf;
    private final AuthenticationInterceptor interceptor;

    InterceptorConfig(CsrfInterceptor csrf, AuthenticationInterceptor interceptor) {
        this.csrf = csrf;
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // CSRF first: a forged request is refused before it is counted or authorised.
        registry.addInterceptor(csrf);
        registry.addInterceptor(interceptor);
    }
}
