package com.rosettachat.search;

import static com.rosettachat.support.Assertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's reindex: messages the index does not know (posted before search existed)
 * come back, deleted ones leave.
 */
class SearchBackfillTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorsReindexBringsBackMessagesTheIndexLost() {
        Searching search = new Searching(http);
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String id = search.post(owner, space.id(), space.generalChannelId(), "backfill lynx sighting");
        search.awaitHit(owner, space.id(), id, "q", "lynx");

        // What a server upgraded from before search has: messages without documents.
        jdbc.sql("delete from search_documents where message_id = :id").param("id", id).update();
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "lynx"))).isEmpty();

        assertError(http.post("/api/v1/admin/search/reindex").token(owner.token()).send(), 403,
                "This action is unauthorized.");
        Http.Response started = http.post("/api/v1/admin/search/reindex").token(admin().token()).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.text("/message")).isEqualTo("Search reindex started.");
        assertThat(search.awaitHit(owner, space.id(), id, "q", "lynx").at("/highlight").asString())
                .isEqualTo("backfill <mark>lynx</mark> sighting");
    }

    @Test
    void aDeletedMessageIsLeftOutAtOnceAndLosesItsDocumentsAtTheNextReindex() {
        Searching search = new Searching(http);
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String kept = search.post(owner, space.id(), space.generalChannelId(), "ibex one");
        String deleted = search.post(owner, space.id(), space.generalChannelId(), "ibex two");
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 2, "q", "ibex");

        // A soft delete as the message module stores it (its route is not on this branch yet).
        jdbc.sql("update messages set deleted_at = current_timestamp where id = :id").param("id", deleted).update();
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "ibex"))).containsExactly(kept);

        assertThat(http.post("/api/v1/admin/search/reindex").token(admin().token()).send().status()).isEqualTo(202);
        search.await(owner, space.id(), r -> documents(deleted) == 0, "q", "ibex");
        assertThat(documents(kept)).isPositive();
    }

    private long documents(String messageId) {
        return jdbc.sql("select count(*) from search_documents where message_id = :id").param("id", messageId)
                .query(Long.class).single();
    }
}
