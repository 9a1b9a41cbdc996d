/**
 * Search over the channel messages a member may read, in every language: the original text and
 * the stored translation in the reader's language, segmented for scripts without spaces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package com.rosettachat.search;
