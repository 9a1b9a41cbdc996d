package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.session.WebSessions;
import com.rosettachat.shared.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sanctum's CSRF bootstrap, at the path SPA clients written for Sanctum already call. */
@RestController
@Tag(name = "Web Authentication", description = "Cookie-based authentication for single-page applications")
class SessionController {

    private final WebSessions sessions;

    SessionController(WebSessions sessions) {
        this.sessions = sessions;
    }

    @PublicEndpoint
    @GetMapping("/sanctum/csrf-cookie")
    @Operation(summary = "Get a CSRF cookie", description = "204 with an XSRF-TOKEN cookie whose value the SPA echoes "
            + "in the X-XSRF-TOKEN header of every state-changing request.")
    ResponseEntity<Void> csrfCookie(HttpServletRequest request, HttpServletResponse response) {
        sessions.issueCsrfToken(request, response);
        return ResponseEntity.noContent().build();
    }
}
