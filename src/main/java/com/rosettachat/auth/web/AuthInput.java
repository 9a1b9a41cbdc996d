package com.rosettachat.auth.web;

import com.rosettachat.auth.internal.AuthService;
import com.rosettachat.shared.Language;
import com.rosettachat.shared.validation.Input;

/** Request rules shared by the app and web sign-in endpoints, in Laravel's wording. */
final class AuthInput {

    private AuthInput() {
    }

    static AuthService.Registration registration(Input input) {
        String name = input.field("name").required().string().max(255).asString();
        String email = email(input);
        String password = newPassword(input);
        String language = input.field("preferred_language").string().in(Language.CODES).asString();
        String device = deviceName(input);
        input.validate();
        return new AuthService.Registration(name, email, password, language, device);
    }

    /** {@code password} with {@code password_confirmation}: 8 to 255 characters. */
    static String newPassword(Input input) {
        return input.field("password").required().string().min(8).max(255).confirmed().asString();
    }

    static String email(Input input) {
        return input.field("email").required().string().email().max(255).asString();
    }

    static String deviceName(Input input) {
        return input.field("device_name").string().max(255).asString();
    }

    record Login(String email, String password, String deviceName) {
    }

    static Login login(Input input) {
        String email = email(input);
        String password = input.field("password").required().string().max(1000).asString();
        String device = deviceName(input);
        input.validate();
        return new Login(email, password, device);
    }

    record OtpCode(String email, String code, String deviceName) {
    }

    static OtpCode otpCode(Input input) {
        String email = email(input);
        String code = input.field("token").required().string().max(255).asString();
        String device = deviceName(input);
        input.validate();
        return new OtpCode(email, code, device);
    }

    record Reset(String email, String token, String password) {
    }

    static Reset reset(Input input) {
        String token = input.field("token").required().string().max(255).asString();
        String email = email(input);
        String password = newPassword(input);
        input.validate();
        return new Reset(email, token, password);
    }

    record Callback(String code, String state, String deviceName) {
    }

    static Callback callback(Input input) {
        String code = input.field("code").required().string().max(2048).asString();
        String state = input.field("state").string().max(2048).asString();
        String device = deviceName(input);
        input.validate();
        return new Callback(code, state, device);
    }
}
