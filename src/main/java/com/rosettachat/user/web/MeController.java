package com.rosettachat.user.web;

import com.rosettachat.shared.Language;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.user.ProfileChanges;
import com.rosettachat.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Profile", description = "The signed-in user's own account")
class MeController {

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Get the signed-in user")
    UserView me(CurrentUser caller) {
        return UserView.of(users.require(caller.id()));
    }

    @PatchMapping
    @Operation(summary = "Update name, preferred language or avatar", description = "Send avatar_url null to remove the avatar.")
    UserView update(CurrentUser caller, Input input) {
        Field nameField = input.field("name");
        if (nameField.present()) {
            nameField.required();
        }
        String name = nameField.string().max(255).asString();
        Field languageField = input.field("preferred_language");
        if (languageField.present()) {
            languageField.required();
        }
        String language = languageField.string().in(Language.CODES).asString();
        Field avatarField = input.field("avatar_url");
        String avatar = avatarField.string().url().max(2048).asString();
        input.validate();
        boolean clearAvatar = avatarField.present() && avatarField.isNull();
        return UserView.of(users.updateProfile(caller.id(), new ProfileChanges(name, language, avatar, clearAvatar)));
    }
}
