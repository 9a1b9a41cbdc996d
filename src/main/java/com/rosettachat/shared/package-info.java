/**
 * Cross-cutting building blocks every module uses: the error contract, ids, timestamps,
 * paging, request input validation, rate limits and the authenticated principal.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.rosettachat.shared;

import org.springframework.modulith.ApplicationModule;
