package com.rosettachat.channel.internal;

/**
 * A channel create or update. Null fields are left as they are (or take the defaults on create);
 * {@code passwordSent} with a null password removes the password.
 */
public record ChannelChanges(String name, String slug, String visibility, boolean passwordSent, String password) {
}
