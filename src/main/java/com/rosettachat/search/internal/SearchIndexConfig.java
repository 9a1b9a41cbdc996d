package com.rosettachat.search.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Picks the index the database's own migration (db/vendor/{vendor}/V9_6) created, and the
 * indexer's threads.
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfig {

    static final String EXECUTOR = "searchIndexExecutor";

    /**
     * A few threads and a queue rather than a virtual thread per message: indexing is work for
     * the database, and a thread per post would take every pooled connection during a burst and
     * leave requests waiting for one (measured: posts waited behind 34 indexing tasks). A queued
     * message is in the event registry already, so a crash loses nothing.
     */
    @Bean(name = EXECUTOR, defaultCandidate = false) // not a default: Boot backs off its own executor otherwise
    ThreadPoolTaskExecutor searchIndexExecutor(SearchProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.indexThreads());
        executor.setMaxPoolSize(properties.indexThreads());
        executor.setThreadNamePrefix("search-index-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    SearchIndex searchIndex(DataSource dataSource, JdbcClient jdbc, NamedParameterJdbcTemplate batch)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new TsvectorIndex(jdbc, batch) : new TermTableIndex(jdbc, batch);
        }
    }
}
