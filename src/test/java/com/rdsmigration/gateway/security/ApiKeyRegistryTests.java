package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTests {

    static SecurityProperties.ApiKey key(String name, String team, String key, boolean admin) {
        return new SecurityProperties.ApiKey(name, team, HexFormat.of().formatHex(ApiKeyRegistry.sha256(key)), admin);
    }

    @Test
    void findsTheCallerOfAKnownKeyByItsHash() {
        ApiKeyRegistry registry = new ApiKeyRegistry(
                List.of(key("ci-key", "team-a", "secret-a", false), key(null, "platform", "secret-admin", true)));

        assertThat(registry.find("secret-a")).contains(new Caller("team-a", false, "ci-key"));
        assertThat(registry.find("secret-admin")).contains(new Caller("platform", true, "platform-key"));
        assertThat(registry.find("secret-b")).isEmpty();
        assertThat(registry.find("secret-a ")).isEmpty();
    }

    @Test
    void theDemoKeysHashToTheValuesTheDefaultProfileShips() {
        assertThat(List.of("demo-team-a-key", "demo-team-a-reviewer-key", "demo-team-b-key", "demo-admin-key").stream()
                        .map(k -> HexFormat.of().formatHex(ApiKeyRegistry.sha256(k)))
                        .toList())
                .isEqualTo(ApiKeyRegistry.DEMO_KEY_HASHES);
    }

    @Test
    void aCallerSeesItsOwnTeamAndAnAdminSeesAll() {
        assertThat(new Caller("team-a", false, "k").canAccess("team-a")).isTrue();
        assertThat(new Caller("team-a", false, "k").canAccess("team-b")).isFalse();
        assertThat(new Caller("platform", true, "k").canAccess("team-b")).isTrue();
    }
}
