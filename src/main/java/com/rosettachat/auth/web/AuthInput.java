package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.shared.Language;
import com.rosettachat.shared.validation.Input;

/** Request rules shared by the app and (later) web sign-in endpoints, in Laravel's wording. */
final class AuthInput {

    private AuthInput() {
    }

    static AuthService.Registration registration(Input input) {
        String name = input.field("name").required().string().max(255).asString();
        String email = input.field("email").required().string().email().max(255).asString();
        String password = newPassword(input);
        String language = input.field("preferred_language").string().in(Language.CODES).asString();
        String device = input.field("device_name").string().max(255).asString();
        input.validate();
        return new AuthService.Registration(name, email, password, language, device);
    }

    /** {@code password} with {@code password_confirmation}: 8 to 255 characters. */
    static String newPassword(Input input) {
        return input.field("password").required().string().min(8).max(255).confirmed().asString();
    }
}
