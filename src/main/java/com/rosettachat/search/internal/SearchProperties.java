package com.rosettachat.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rankWindow} ({@code ROSETTA_SEARCH_RANK_WINDOW}): how many of the newest matching texts a
 * query ranks. Words found in more texts than this rank among the newest ones only, which keeps a
 * search for a very common word as fast as any other; filters (channel, sender, dates) reach older ones.
 * {@code indexThreads} ({@code ROSETTA_SEARCH_INDEX_THREADS}): messages indexed at once; the rest wait in a queue.
 */
@ConfigurationProperties("rosetta.search")
public record SearchProperties(@DefaultValue("1000") int rankWindow, @DefaultValue("2") int indexThreads) {

    public SearchProperties {
        rankWindow = Math.max(1, rankWindow);
        indexThreads = Math.max(1, indexThreads);
    }
}
