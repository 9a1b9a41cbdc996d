/**
 * User accounts: profiles, preferred language, plan, activation and the administrators' view of them.
 */
package com.rosettachat.user;
