package dev.hotfixlog.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.hotfixlog.Config;
import dev.hotfixlog.error.ForbiddenException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.web.Requests;
import dev.hotfixlog.web.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, a one-use state and a nonce kept in
 * the database (the answer may land on any instance), and an ID token checked against the provider's keys,
 * issuer, audience, expiry and nonce. The provider's groups become a role ({@link OidcRoles}).
 */
public final class OidcSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private final Config.Oidc settings;
    private final String publicUrl;
    private final OidcRoles roles;
    private final OidcPendingRepository pending = new OidcPendingRepository();
    private final Database db;
    private final Clock clock;
    private final AccountService accounts;
    private final SessionService sessions;
    private volatile Provider provider;

    /** The provider's endpoints and a validator that caches its keys, discovered once. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    public OidcSignIn(Config config, Database db, Clock clock, AccountService accounts, SessionService sessions) {
        this.settings = config.oidc();
        this.publicUrl = config.publicUrl();
        this.roles = new OidcRoles(settings.roles());
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    public void register(RoutesConfig r) {
        r.get("/sign-in/oidc", this::start, Role.ANYONE);
        r.get("/sign-in/oidc/callback", this::callback, Role.ANYONE);
    }

    private void start(Context ctx) throws Exception {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        long now = clock.millis();
        String next = SignInRoutes.safeNext(ctx.queryParam("next"));
        db.write(h -> {
            pending.add(
                    h,
                    Sha256.hex(state.getValue()),
                    nonce.getValue(),
                    verifier.getValue(),
                    next,
                    now,
                    now + PENDING_LIFETIME.toMillis());
            return null;
        });
        AuthenticationRequest request = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        new Scope("openid", "profile", "email"),
                        new ClientID(settings.clientId()),
                        redirectUri(ctx))
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        ctx.status(303).header("Location", request.toURI().toString());
    }

    private void callback(Context ctx) throws Exception {
        String stateValue = ctx.queryParam("state");
        String code = ctx.queryParam("code");
        Optional<String[]> pending = stateValue == null ? Optional.empty() : takePending(stateValue);
        if (pending.isEmpty() || code == null) {
            refuse(
                    ctx,
                    400,
                    "sign-in via single sign-on failed: unknown or expired state",
                    "That sign-in link has " + "expired or was already used. Start again.");
            return;
        }
        Provider p = provider();
        URI redirect = redirectUri(ctx);
        TokenRequest tokenRequest = new TokenRequest(
                p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, new CodeVerifier(pending.get()[1])));
        TokenResponse response =
                OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            refuse(
                    ctx,
                    502,
                    "sign-in via single sign-on failed: token endpoint said "
                            + response.toErrorResponse().getErrorObject(),
                    "The identity provider refused the sign-in.");
            return;
        }
        IDTokenClaimsSet claims;
        try {
            claims = p.validator()
                    .validate(
                            ((OIDCTokenResponse) response.toSuccessResponse())
                                    .getOIDCTokens()
                                    .getIDToken(),
                            new Nonce(pending.get()[0]));
        } catch (Exception e) {
            refuse(
                    ctx,
                    403,
                    "sign-in via single sign-on failed: ID token rejected: " + e.getMessage(),
                    "The identity provider's answer could not be verified.");
            return;
        }
        String username = username(claims);
        ctx.attribute(Requests.PRINCIPAL_NAME, username);
        Optional<Role> role = roles.roleOf(groups(claims));
        if (role.isEmpty()) {
            refuse(
                    ctx,
                    403,
                    "sign-in via single sign-on refused: no role for groups " + groups(claims),
                    "Your account has no role in Hotfix Log. Ask an admin to map one of your groups.");
            return;
        }
        Account account;
        try {
            account = accounts.adoptFromProvider(username, role.get());
        } catch (ForbiddenException e) {
            refuse(
                    ctx,
                    403,
                    "sign-in via single sign-on refused: " + e.getMessage(),
                    "This name belongs to a " + "local account; single sign-on cannot use it.");
            return;
        }
        Requests.setCookie(
                ctx, SignInRoutes.SESSION_COOKIE, sessions.start(account), SessionService.LIFETIME.toSeconds());
        ctx.attribute(
                Requests.AUDIT_DETAIL,
                "signed in via single sign-on as " + account.role().json());
        ctx.status(303).header("Location", pending.get()[2]);
    }

    /** Removes and returns {nonce, verifier, next} of a pending sign-in: each state works once. */
    private Optional<String[]> takePending(String state) {
        String hash = Sha256.hex(state);
        long now = clock.millis();
        return db.write(h -> pending.take(h, hash, now));
    }

    private void refuse(Context ctx, int status, String auditDetail, String message) {
        LOG.warn(auditDetail);
        ctx.attribute(Requests.AUDIT_DETAIL, auditDetail);
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + " Go to /sign-in.");
    }

    private static String username(IDTokenClaimsSet claims) {
        for (String claim : List.of("preferred_username", "email")) {
            Object v = claims.getClaim(claim);
            if (v instanceof String s && !s.isBlank()) {
                return s.length() > 100 ? s.substring(0, 100) : s;
            }
        }
        return claims.getSubject().getValue();
    }

    private List<String> groups(IDTokenClaimsSet claims) {
        Object v = claims.getClaim(settings.roleClaim());
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(s);
        } else if (v instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private URI redirectUri(Context ctx) {
        String base = publicUrl.isEmpty() ? (Requests.isHttps(ctx) ? "https" : "http") + "://" + ctx.host() : publicUrl;
        return URI.create(base + "/sign-in/oidc/callback");
    }

    private Provider provider() throws Exception {
        Provider p = provider;
        if (p == null) {
            OIDCProviderMetadata md = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()));
            p = new Provider(
                    md,
                    new IDTokenValidator(
                            md.getIssuer(),
                            new ClientID(settings.clientId()),
                            JWSAlgorithm.RS256,
                            md.getJWKSetURI().toURL()));
            provider = p;
        }
        return p;
    }
}
