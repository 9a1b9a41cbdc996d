/** Temporary guest rooms: their plans and quotas, expiry, guests without accounts and their room-scoped tokens. */
@org.springframework.modulith.ApplicationModule(displayName = "Temporary rooms")
package com.rosettachat.room;
