/** Outgoing mail of the sign-in flows: templates in five languages, a crash-safe queue and the log, file and SMTP drivers. */
package com.rosettachat.auth.internal.mail;
