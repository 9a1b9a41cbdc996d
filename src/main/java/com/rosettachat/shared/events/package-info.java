/** Background work after commit for listeners that need no event publication registry entry. */
package com.rosettachat.shared.events;
