/** Cookie sessions for single-page apps: the session principal, CSRF tokens and session revocation. */
package com.rosettachat.auth.internal.session;
