package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on end to end against a real OpenID Connect provider started here on loopback: the browser goes
 * to the provider and back, the ID token is verified, the provider's groups become a role.
 */
class OidcSignInTest {
    private static final String CLIENT = "hotfix-log";

    private static RunningServer serverWithSso(TestDb db, MockOAuth2Server idp) {
        return new RunningServer(
                db.config(Map.of(
                        Setting.OIDC_ISSUER,
                        idp.issuerUrl("corp").toString(),
                        Setting.OIDC_CLIENT_ID,
                        CLIENT,
                        Setting.OIDC_CLIENT_SECRET,
                        "client-secret",
                        Setting.OIDC_ROLES,
                        "sre-leads=admin,oncall=responder,staff=viewer")),
                MutableClock.at("2026-10-04T02:17:00Z"));
    }

    /** The provider will vouch for this user with these groups at the next sign-in. */
    private static void nextUser(MockOAuth2Server idp, String username, List<String> groups) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(
                "corp",
                "subject-" + username,
                "JWT",
                List.of(CLIENT),
                Map.of("preferred_username", username, "groups", groups),
                3600));
    }

    /** Browser → us → provider → us, as a browser follows the redirects. */
    private static Browser.Page signInViaProvider(Browser b) {
        Browser.Page toProvider = b.get("/sign-in/oidc?next=%2Fapi%2Fv1%2Fhotfixes");
        assertThat(toProvider.status()).isEqualTo(303);
        Browser.Page back = b.getAbsolute(toProvider.location());
        assertThat(back.status()).as("the provider sends the browser back").isBetween(300, 399);
        return b.getAbsolute(back.location());
    }

    @BothDatabases
    void providerGroups_becomeRoles_andASessionStarts(TestDb db) throws Exception {
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
        try (RunningServer s = serverWithSso(db, idp)) {
            assertThat(new Browser(s.url()).get("/sign-in").body()).contains("Sign in with single sign-on");

            nextUser(idp, "olga", List.of("staff", "oncall"));
            Browser olga = new Browser(s.url());
            Browser.Page landed = signInViaProvider(olga);
            assertThat(landed.status()).isEqualTo(303);
            assertThat(landed.location()).isEqualTo("/api/v1/hotfixes");
            assertThat(olga.get("/").body()).contains("Signed in as <strong>olga</strong>");
            String csrf = olga.get("/").csrf();
            assertThat(olga.postJson(
                                    "/api/v1/hotfixes",
                                    "{\"title\":\"sso\",\"severity\":\"high\"}",
                                    "X-CSRF-Token",
                                    csrf)
                            .status())
                    .as("oncall → responder may create")
                    .isEqualTo(201);
            assertThat(olga.get("/api/v1/audit").status()).as("but is no admin").isEqualTo(403);

            nextUser(idp, "lead", List.of("sre-leads"));
            Browser lead = new Browser(s.url());
            signInViaProvider(lead);
            assertThat(lead.get("/api/v1/audit").status())
                    .as("sre-leads → admin")
                    .isEqualTo(200);
            assertThat(s.http().get("/api/v1/audit?limit=50").body())
                    .contains("signed in via single sign-on as responder")
                    .contains("signed in via single sign-on as admin");
        } finally {
            idp.shutdown();
        }
    }

    @BothDatabases
    void noMappedGroup_aReplayedState_orALocalAccountsName_areRefused(TestDb db) throws Exception {
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
        try (RunningServer s = serverWithSso(db, idp)) {
            nextUser(idp, "guest", List.of("contractors"));
            Browser guest = new Browser(s.url());
            Browser.Page refused = signInViaProvider(guest);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).startsWith("Your account has no role in Hotfix Log.");
            assertThat(guest.get("/").status()).as("no session").isEqualTo(303);

            nextUser(idp, "admin", List.of("sre-leads"));
            Browser impostor = new Browser(s.url());
            Browser.Page takeover = signInViaProvider(impostor);
            assertThat(takeover.status())
                    .as("the local admin is not taken over")
                    .isEqualTo(403);
            assertThat(takeover.body()).startsWith("This name belongs to a local account");

            nextUser(idp, "olga", List.of("oncall"));
            Browser olga = new Browser(s.url());
            Browser.Page toProvider = olga.get("/sign-in/oidc");
            String callback = olga.getAbsolute(toProvider.location()).location();
            assertThat(olga.getAbsolute(callback).status()).isEqualTo(303);
            assertThat(new Browser(s.url()).getAbsolute(callback).status())
                    .as("a state works once")
                    .isEqualTo(400);
        } finally {
            idp.shutdown();
        }
    }

    /**
     * Many instances on one PostgreSQL (issue 21): a sign-in started on one instance, which then goes away while the
     * browser is at the provider, ends on the other — the pending sign-in (state, nonce, PKCE verifier) is a row
     * of the shared database, not the first instance's memory — and the session it starts is good on either.
     */
    @Test
    void aSignInStartedOnAnInstanceThatThenStops_endsOnTheOther() throws Exception {
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
        try (TestDb db = TestDb.postgres();
                RunningServer b = serverWithSso(db, idp)) {
            RunningServer a = serverWithSso(db, idp);
            nextUser(idp, "olga", List.of("oncall"));
            Browser olga = new Browser(a.url());
            Browser.Page toProvider = olga.get("/sign-in/oidc?next=%2F");
            assertThat(toProvider.status()).isEqualTo(303);
            Browser.Page back = olga.getAbsolute(toProvider.location());
            String aUrl = a.url();
            a.close(); // the instance that started the sign-in is gone before the browser comes back
            assertThat(back.location()).startsWith(aUrl + "/sign-in/oidc/callback");
            Browser.Page landed = olga.getAbsolute(b.url() + back.location().substring(aUrl.length()));
            assertThat(landed.status()).as(landed.body()).isEqualTo(303);
            assertThat(landed.location()).isEqualTo("/");
            olga.moveTo(b.url());
            assertThat(olga.get("/").body()).contains("Signed in as <strong>olga</strong>");
            try (RunningServer again = serverWithSso(db, idp)) {
                olga.moveTo(again.url());
                assertThat(olga.get("/").body())
                        .as("the session is the database's too")
                        .contains("Signed in as <strong>olga</strong>");
            }
        } finally {
            idp.shutdown();
        }
    }
}
