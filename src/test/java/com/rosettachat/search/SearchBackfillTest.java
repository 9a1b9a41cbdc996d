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
 * come back; edited and deleted messages follow their new text at once.
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
    void aDeletedMessageIsLeftOutAtOnceAndLosesItsDocuments() {
        Searching search = new Searching(http);
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String kept = search.post(owner, space.id(), space.generalChannelId(), "ibex one");
        String deleted = search.post(owner, space.id(), space.generalChannelId(), "ibex two");
        search.await(owner, space.id(), r -> Searching.ids(r).size() == 2, "q", "ibex");

        Http.Response removed = http.delete(messagePath(space, deleted)).token(owner.token()).send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "ibex"))).containsExactly(kept);
        search.await(owner, space.id(), r -> documents(deleted) == 0, "q", "ibex");
        assertThat(documents(kept)).isPositive();
    }

    @Test
    void anEditedMessageIsFoundByItsNewWordsAndNoLongerByItsOld() {
        Searching search = new Searching(http);
        Account owner = register();
        Space space = Workspaces.create(http, owner);
        String id = search.post(owner, space.id(), space.generalChannelId(), "meet at the heron pond");
        search.awaitHit(owner, space.id(), id, "q", "heron");

        Http.Response edited = http.patch(messagePath(space, id)).token(owner.token())
                .json(java.util.Map.of("content", "meet at the osprey pond")).send();
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(search.awaitHit(owner, space.id(), id, "q", "osprey").at("/highlight").asString())
                .isEqualTo("meet at the <mark>osprey</mark> pond");
        search.await(owner, space.id(), r -> Searching.ids(r).isEmpty(), "q", "heron");
    }

    private static String messagePath(Space space, String id) {
        return "/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId() + "/messages/" + id;
    }

    private long documents(String messageId) {
        return jdbc.sql("select count(*) from search_documents where message_id = :id").param("id", messageId)
                .query(Long.class).single();
    }
}
