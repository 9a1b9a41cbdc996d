package com.rosettachat.search.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Picks the index the database's own migration (db/vendor/{vendor}/V9_6) created. */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfig {

    @Bean
    SearchIndex searchIndex(DataSource dataSource, JdbcClient jdbc, NamedParameterJdbcTemplate batch)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new TsvectorIndex(jdbc, batch) : new TermTableIndex(jdbc, batch);
        }
    }
}
