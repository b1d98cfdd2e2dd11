#!/usr/bin/env python3
"""Black-box probes of Hotfix Log's promises 1 (redaction) and 2 (strict reading).

Written by an independent tester who had only the README and a running server (issue 31, 2026-12-07), kept so
the next release is tried with inputs its authors did not choose. Its first run: 342 probes, 42 distinct misses;
each was fixed as its class, except those the issue 31 note lists as left.

Start a server (fresh data folder), then run:
  HOTFIX_BOOTSTRAP_TOKEN=probe-bootstrap-token-0123456789 \
  HOTFIX_INTEGRATIONS='alertmanager prod bearer=probe-am-secret-0123456789;grafana main bearer=probe-gf-secret-0123456789;deploy argocd bearer=probe-dp-secret-0123456789' \
    ./hotfix serve --port 18931 --data-dir /tmp/attack-data/d &
Usage:  BASE=http://127.0.0.1:18931 TOKEN=<admin token> python3 probe.py [--only redact|inputs|http] [--slow]
Prints PASS/FAIL per probe. Integrations must be configured on the server as:
  HOTFIX_INTEGRATIONS='alertmanager prod bearer=probe-am-secret-0123456789;grafana main bearer=probe-gf-secret-0123456789;deploy argocd bearer=probe-dp-secret-0123456789'
"""
import base64, html, json, os, re, socket, sys, time, urllib.parse, uuid

BASE = os.environ.get("BASE", "http://127.0.0.1:18931")
TOKEN = os.environ.get("TOKEN", "probe-bootstrap-token-0123456789")
U = urllib.parse.urlsplit(BASE)
HOST, PORT = U.hostname, U.port or 80
RUN = uuid.uuid4().hex[:6]
results = []


def raw(req: bytes, timeout=60, read_all=True):
    """Send raw bytes, return (status, headers-text, body-bytes)."""
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    try:
        s.sendall(req)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
            if not read_all and b"\r\n\r\n" in data:
                break
    finally:
        s.close()
    return parse_resp(data)


def parse_resp(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except Exception:
        status = 0
    hdrs = "\n".join(lines[1:])
    if re.search(r"(?im)^transfer-encoding:\s*chunked", hdrs):
        out, rest = b"", body
        while rest:
            ln, _, rest = rest.partition(b"\r\n")
            try:
                n = int(ln.split(b";")[0], 16)
            except ValueError:
                break
            if n == 0:
                break
            out += rest[:n]
            rest = rest[n + 2:]
        body = out
    return status, hdrs, body


def req(method, path, body=b"", headers=None, auth=True, ctype="application/json", timeout=120):
    if isinstance(body, str):
        body = body.encode()
    h = {"Host": f"{HOST}:{PORT}", "Connection": "close"}
    if auth:
        h["Authorization"] = "Bearer " + TOKEN
    if ctype is not None and (body or method in ("POST", "PUT", "PATCH")):
        h["Content-Type"] = ctype
    if body or method in ("POST", "PUT", "PATCH"):
        h["Content-Length"] = str(len(body))
    extra = []
    for k, v in (headers or {}).items() if isinstance(headers, dict) else (headers or []):
        if isinstance(headers, dict) and k in h:
            h[k] = v
        else:
            extra.append((k, v))
    lines = [f"{method} {path} HTTP/1.1"] + [f"{k}: {v}" for k, v in h.items() if v is not None] + [f"{k}: {v}" for k, v in extra]
    return raw(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body, timeout=timeout)


def record(name, ok, detail=""):
    results.append((name, ok, detail))
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else "  :: " + detail), flush=True)


# ---------------------------------------------------------------- redaction probes
def b64(s):
    return base64.b64encode(s.encode()).decode()

AWS_ID = "AKIAQYLPMN5HHHFPZAM2"
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYZEXAMPLEKEY"  # noqa (doc example shape)
AWS_SECRET2 = "Zq8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP"
FW = lambda s: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)
ZW = lambda s, z="\u200b": z.join(s)
PEM_BODY = ("MIIEowIBAAKCAQEAx3Vq9cQm8Zl7pR2yKk4n5tWb0aJfLhXgU1sDcE6oVrT9iYzN\n"
            "3mQp8wLkR2sHf7dJ0bXcV4nG6tYu1aZeO5rKi9PqW3lMxS2yDfUjHg8cB0vNaQ7k\n"
            "Lp4Ww6eRt1Yu9Io0Pa2Sd3Fg4Hj5Kl6Zx7Cv8Bn9Mq0Wr1Et2Yu3Io4Pa5Sd6Fg7H\n")
PEM_NEEDLE = "MIIEowIBAAKCAQEAx3Vq9cQm8Zl7pR2yKk4n5tWb0aJfLhXgU1sDcE6oVrT9iYzN"
JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
       ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
GH = "ghp_R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7Ue"   # 36 after prefix
GHFG = "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345678"

# (name, text, needles)  -- needles: substrings which must not survive anywhere
SECRETS = [
    # baseline
    ("aws-env", f"AWS_ACCESS_KEY_ID={AWS_ID}\nAWS_SECRET_ACCESS_KEY={AWS_SECRET2}", [AWS_ID[4:], AWS_SECRET2[:20]]),
    ("aws-bare-pair", f"key {AWS_ID} secret {AWS_SECRET2}", [AWS_ID[4:], AWS_SECRET2[:20]]),
    ("aws-fullwidth", FW(f"{AWS_ID} {AWS_SECRET2}"), [FW(AWS_ID[4:]), FW(AWS_SECRET2[:20])]),
    ("aws-zero-width", ZW(AWS_ID) + " " + ZW(AWS_SECRET2), [ZW(AWS_ID[4:12]), ZW(AWS_SECRET2[:12])]),
    ("aws-zw-joiner-2060", ZW(AWS_ID, "\u2060") + " " + ZW(AWS_SECRET2, "\u2060"), [ZW(AWS_ID[4:12], "\u2060"), ZW(AWS_SECRET2[:12], "\u2060")]),
    ("aws-soft-hyphen", ZW(AWS_ID, "\u00ad") + " " + ZW(AWS_SECRET2, "\u00ad"), [ZW(AWS_ID[4:12], "\u00ad")]),
    ("aws-asia-session", f"aws_access_key_id = ASIAQYLPMN5HHHFPZAM3\naws_secret_access_key = {AWS_SECRET2}\naws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx7v9Q2Lr3kP8wTm5sNc1bYf0hZgXjKqA==",
     ["QYLPMN5HHHFPZAM3", AWS_SECRET2[:20], "IQoJb3JpZ2luX2VjEJr"]),
    ("aws-secret-json-cli", '{"AccessKey":{"UserName":"bob","AccessKeyId":"%s","Status":"Active","SecretAccessKey":"%s"}}' % (AWS_ID, AWS_SECRET2), [AWS_ID[4:], AWS_SECRET2[:20]]),
    ("aws-id-url-encoded", "key%3D" + AWS_ID + "%26secret%3D" + urllib.parse.quote(AWS_SECRET2, safe=""), [AWS_ID[4:], AWS_SECRET2[:20]]),
    ("aws-base64", "creds: " + b64(f"{AWS_ID}:{AWS_SECRET2}"), [b64(f"{AWS_ID}:{AWS_SECRET2}")[:24]]),
    ("aws-html-entities", "".join(f"&#{ord(c)};" for c in AWS_ID) + " " + AWS_SECRET2, ["&#81;&#89;&#76;&#80;", AWS_SECRET2[:20]]),
    ("aws-backslash-u-escaped", "".join("\\u%04x" % ord(c) for c in AWS_ID[:4]) + AWS_ID[4:] + " " + AWS_SECRET2, [AWS_ID[4:], AWS_SECRET2[:20]]),
    ("aws-line-wrapped", f"aws key {AWS_ID[:10]}\n{AWS_ID[10:]} secret {AWS_SECRET2[:20]}\n{AWS_SECRET2[20:]}", [AWS_SECRET2[:20]]),
    # GitHub
    ("github-classic", f"token {GH}", [GH[4:]]),
    ("github-at-start", f"{GH} is what I used", [GH[4:]]),
    ("github-at-end-punct", f"used ({GH}).", [GH[4:]]),
    ("github-markdown-bold", f"**{GH}**", [GH[4:]]),
    ("github-backticks", f"`{GH}`", [GH[4:]]),
    ("github-emoji-adjacent", f"\U0001F511{GH}\U0001F525", [GH[4:]]),
    ("github-fine-grained", f"GH_TOKEN={GHFG}", [GHFG[11:40]]),
    ("github-oauth-gho", "gho_16C7e42F292c6912E7710c838347Ae178B4a", ["16C7e42F292c6912E7710c838347Ae178B4a"]),
    ("github-app-ghs", "installation ghs_16C7e42F292c6912E7710c838347Ae178B4a", ["16C7e42F292c6912E7710c838347Ae178B4a"]),
    ("github-refresh-ghr", "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498", ["1B4a2e77838347a7E420ce178F2E7c6912E"]),
    ("github-url-encoded", "https://x.example/?t=" + GH.replace("_", "%5F"), [GH[4:]]),
    ("github-base64", "Authorization: Basic " + b64("x-access-token:" + GH), [b64("x-access-token:" + GH)[:24]]),
    ("github-in-git-url", f"git clone https://{GH}@github.com/acme/repo.git", [GH[4:]]),
    ("github-old-40hex-x-oauth", "git clone https://0123456789abcdef0123456789abcdef01234567:x-oauth-basic@github.com/a/b", ["0123456789abcdef0123456789abcdef"]),
    # Slack
    ("slack-bot", "xoxb-2462856543-1234567890123-aBcDeFgHiJkLmNoPqRsTuVwX", ["aBcDeFgHiJkLmNoPqRsTuVwX"]),
    ("slack-user", "xoxp-2462856543-2462856543-2462856543-0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("slack-app-level", "SLACK_APP_TOKEN=xapp-1-A0123456789-1234567890123-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b"]),
    ("slack-config-refresh", "xoxe-1-My0xLTI0NjI4NTY1NDMtMTIzNDU2Nzg5MDEyMy0wYTFiMmMzZDRlNWY2MDcxODI5M2E0YjVjNmQ3ZThmOQ", ["My0xLTI0NjI4NTY1NDMtMTIzNDU2"]),
    ("slack-webhook", "https://hooks.slack.com/services/T024BE7LD/B01ABCDEF23/aBcDeFgHiJkLmNoPqRsTuVwX", ["aBcDeFgHiJkLmNoPqRsTuVwX"]),
    ("slack-workflow-trigger", "https://hooks.slack.com/triggers/T024BE7LD/1234567890123/0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # Stripe
    ("stripe-live", "sk_live_51H8aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345", ["51H8aBcDeFgHiJkLmNoPqRsTu"]),
    ("stripe-restricted", "rk_live_51H8aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", ["51H8aBcDeFgHiJkLmNoPqRsTu"]),
    ("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET whsec_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a", ["3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"]),
    # npm / pypi / docker
    ("npm", "//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123"]),
    ("npmrc-legacy-uuid", "//registry.npmjs.org/:_authToken=3f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c", ["3f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c"]),
    ("pypi", "pypi-AgEIcHlwaS5vcmcCJGE4ZjY2ZTJiLTYzNzQtNDQyOC05ZjA2LTlkMDI3ZmI4ZTkzNQACKlszLCJmZGE5ZTU1MS1lNzQ2LTRlMjEtYjIyZS1kZjQ4MGM5ODBhYjMiXQAABiD", ["AgEIcHlwaS5vcmcCJGE4ZjY2ZTJi"]),
    ("docker-hub-pat", "docker login -u ops -p dckr_pat_2b3c4d5e6f7g8h9i0jKlMnOpQrS", ["2b3c4d5e6f7g8h9i0jKlMnOpQrS"]),
    # GitLab
    ("gitlab-pat", "glpat-aBcDeFgHiJkLmNoPqRsT", ["aBcDeFgHiJkLmNoPqRsT"]),
    ("gitlab-deploy-token", "gldt-aBcDeFgHiJkLmNoPqRsT", ["aBcDeFgHiJkLmNoPqRsT"]),
    ("gitlab-runner-token", "glrt-aBcDeFgHiJkLmNoPqRsT", ["aBcDeFgHiJkLmNoPqRsT"]),
    ("gitlab-runner-registration", "--registration-token GR1348941aBcDeFgHiJkLmNoPqRsT", ["aBcDeFgHiJkLmNoPqRsT"]),
    ("gitlab-trigger", "curl -X POST --fail -F token=glptt-0a1b2c3d4e5f60718293a4b5c6d7e8f901234567 -F ref=main https://gitlab.example.com/api/v4/projects/9/trigger/pipeline",
     ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("gitlab-oauth-app-secret", "gloas-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # Twilio
    ("twilio-api-key", "TWILIO_API_KEY=SK0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("twilio-sid-authtoken", "client = Client('AC0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'f9e8d7c6b5a4039281706f5e4d3c2b1a')", ["f9e8d7c6b5a4039281706f5e4d3c2b1a"]),
    ("twilio-curl-u", "curl -X POST https://api.twilio.com/2010-04-01/Accounts/AC0a1b2c3d4e5f60718293a4b5c6d7e8f9/Messages.json -u AC0a1b2c3d4e5f60718293a4b5c6d7e8f9:f9e8d7c6b5a4039281706f5e4d3c2b1a",
     ["f9e8d7c6b5a4039281706f5e4d3c2b1a"]),
    # SendGrid / Mailgun / Mailchimp / Postmark
    ("sendgrid", "SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFg", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("mailgun", "api:key-0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("mailchimp", "MAILCHIMP_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9-us21", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # Shopify
    ("shopify-admin", "X-Shopify-Access-Token: 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", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("shopify-shared-secret", "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", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("shopify-custom-app", "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", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # AI vendors
    ("openai-project", "OPENAI_API_KEY=sk-proj-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_aBcDeFgHiJkLmNoPqRsT3BlbkFJaBcDeFgHiJkLmNoPqRsTuVwXyZ", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("anthropic", "x-api-key: sk-ant-api03-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsT-aBcDeFAA",
     ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDe"]),
    ("huggingface", "HF_TOKEN hf_aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH", ["aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH"]),
    # Google / GCP / Azure
    ("google-api-key", "https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", ["SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"]),
    ("google-api-key-bare", "maps key AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q.", ["SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"]),
    ("google-oauth-client-secret", '{"web":{"client_id":"1234.apps.googleusercontent.com","client_secret":"GOCSPX-aBcDeFgHiJkLmNoPqRsTuVwXyZ01"}}', ["aBcDeFgHiJkLmNoPqRsTuVwXyZ01"]),
    ("google-refresh-token", "refresh 1//0gaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRs", ["0gaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("gcp-sa-json-escaped-key", '{"type":"service_account","private_key_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f901234567","private_key":"-----BEGIN PRIVATE KEY-----\\n' + PEM_BODY.replace("\n", "\\n") + '-----END PRIVATE KEY-----\\n"}',
     [PEM_NEEDLE[:40], "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"]),
    ("azure-storage-connstr", "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q7H1rT9Zk3LmP0vXw2YbN5cQ8sDfG4hJ6kLzX1cV3bN7mQ9wE2rT5yU8iO0pA4sD6fG8hJ1kL3zX5cV7bN9mQ==;EndpointSuffix=core.windows.net",
     ["q7H1rT9Zk3LmP0vXw2YbN5cQ8sDfG4hJ6kLz"]),
    ("azure-sas", "https://acme.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-01T00:00:00Z&sig=aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789%2BaBc%3D", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("azure-ad-client-secret", "AZURE_CLIENT_SECRET=abC8Q~aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456"]),
    ("aws-presigned", "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAQYLPMN5HHHFPZAM2%2F20261207%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
     ["QYLPMN5HHHFPZAM2", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # misc vendors
    ("datadog", "DD_API_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("vault-hvs", "VAULT_TOKEN=hvs.CAESIaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLGh4KHGh2cy5hQmNEZUZnSGlKa0xtTm9QcVJzVHVW", ["CAESIaBcDeFgHiJkLmNoPqRsTuVwXyZ"]),
    ("digitalocean", "dop_v1_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("telegram-bot", "https://api.telegram.org/bot1234567890:AAHaBcDeFgHiJkLmNoPqRsTuVwXyZ012345/sendMessage", ["AAHaBcDeFgHiJkLmNoPqRsTuVwXyZ012345"]),
    ("discord-webhook", "https://discord.com/api/webhooks/1234567890123456789/aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ01234", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("sentry-dsn", "SENTRY_DSN=https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@o123456.ingest.sentry.io/1234567", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("newrelic", "NEW_RELIC_API_KEY=NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ0", ["ABCDEFGHIJKLMNOPQRSTUVWXYZ0"]),
    ("atlassian", "JIRA_TOKEN ATATT3xFfGF0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789=ABCD1234", ["ATATT3xFfGF0aBcDeFgHiJkLmNoPqRs"]),
    ("postman", "PMAK-0a1b2c3d4e5f607182930a1b-0a1b2c3d4e5f60718293a4b5c6d7e8f9ab", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9ab"]),
    ("grafana-sa", "glsa_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_0a1b2c3d", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ012345"]),
    ("linear", "lin_api_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcD", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]),
    ("age-secret-key", "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ", ["1QQQQQQQQQQQQQQQQQQQQQQQ"]),
    ("hotfix-own-token", "hfx_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aB", ["aBcDeFgHiJkLmNoPqRsTuVwXyZ012345"]),
    # JWT
    ("jwt", f"cookie {JWT}", [JWT.split(".")[1][:30], JWT.split(".")[2]]),
    ("jwt-unsigned-alg-none", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJzdXBlcnVzZXIifQ.", ["eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJzdXBlcnVzZXIifQ"]),
    ("jwt-url-encoded-in-query", "https://app.example/cb#id_token=" + JWT, [JWT.split(".")[2]]),
    # passwords in URLs / connection strings
    ("url-password", "postgres://app:Sup3rS3cretPw@db.internal:5432/app", ["Sup3rS3cretPw"]),
    ("url-password-pct", "postgresql://app:p%40ss%3Aw0rd%21Xy@db.internal/app", ["p%40ss%3Aw0rd%21Xy"]),
    ("mongodb-srv", "mongodb+srv://admin:Hunt3rTw0Pass@cluster0.abcde.mongodb.net/?retryWrites=true", ["Hunt3rTw0Pass"]),
    ("amqp", "amqps://guest:Rabb1tPassw0rd@mq.internal:5671/vhost", ["Rabb1tPassw0rd"]),
    ("jdbc-query-password", "jdbc:mysql://db.internal:3306/app?user=app&password=MyS3cretPassw0rd", ["MyS3cretPassw0rd"]),
    ("jdbc-sqlserver", "jdbc:sqlserver://db;databaseName=app;user=sa;password=Sq1Serv3rPassw0rd;", ["Sq1Serv3rPassw0rd"]),
    ("ado-connstr", "Server=tcp:db.database.windows.net,1433;User ID=sa;Password=Ad0NetPassw0rd!;Encrypt=True;", ["Ad0NetPassw0rd"]),
    ("libpq-kv", "host=db dbname=app user=app password=L1bpqPassw0rd sslmode=require", ["L1bpqPassw0rd"]),
    ("redis-empty-user", "redis://:R3disPassw0rd@cache:6379/0", ["R3disPassw0rd"]),
    ("ftp-url", "ftp://deploy:Ftp-Passw0rd-9@files.example.com/pub", ["Ftp-Passw0rd-9"]),
    ("password-yaml", "database:\n  password: Yaml-Passw0rd-77\n", ["Yaml-Passw0rd-77"]),
    ("password-json", '{"db_password": "Js0n-Passw0rd-88"}', ["Js0n-Passw0rd-88"]),
    ("password-env-quoted", 'export PGPASSWORD="Pg-Passw0rd-99"', ["Pg-Passw0rd-99"]),
    ("password-cli-flag", "mysql -h db -u root -pMySqlCli-Passw0rd app", ["MySqlCli-Passw0rd"]),
    ("password-long-flag", "psql --password=LongFlag-Passw0rd -h db", ["LongFlag-Passw0rd"]),
    ("password-prose-colon", "The root password is: Pr0se-Passw0rd-42", ["Pr0se-Passw0rd-42"]),
    ("secret-key-assign", "SECRET_KEY = 'django-insecure-0a1b2c3d4e5f60718293a4b5c6d7'", ["0a1b2c3d4e5f60718293a4b5c6d7"]),
    ("client-secret-assign", "client_secret=Cl1entS3cretValue0a1b2c", ["Cl1entS3cretValue0a1b2c"]),
    ("api-key-header", "X-Api-Key: 0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("cookie-header", "Cookie: session=0a1b2c3d4e5f60718293a4b5c6d7e8f9; csrftoken=abc", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # Authorization headers / curl
    ("auth-basic", "Authorization: Basic YWRtaW46QmFzaWNQYXNzdzByZA==", ["YWRtaW46QmFzaWNQYXNzdzByZA"]),
    ("auth-bearer-opaque", "Authorization: Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("auth-token-scheme", "Authorization: token 0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("proxy-authorization", "Proxy-Authorization: Basic cHJveHk6UHIweHlQYXNzdzByZA==", ["cHJveHk6UHIweHlQYXNzdzByZA"]),
    ("auth-lowercase-json", '{"headers":{"authorization":"Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9"}}', ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("curl-u", "curl -u admin:CurlU-Passw0rd https://api.example.com", ["CurlU-Passw0rd"]),
    ("curl-user-long", "curl --user admin:CurlUser-Passw0rd https://api.example.com", ["CurlUser-Passw0rd"]),
    ("curl-u-attached", "curl -uadmin:CurlAttached-Passw0rd https://api.example.com", ["CurlAttached-Passw0rd"]),
    ("curl-u-quoted", "curl -u 'admin:Curl Quoted Passw0rd' https://api.example.com", ["Curl Quoted Passw0rd"]),
    ("curl-H-bearer", 'curl -H "Authorization: Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9" https://x', ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("wget-password", "wget --user=admin --password=Wget-Passw0rd https://x/file", ["Wget-Passw0rd"]),
    ("http-header-name-variant", "X-Auth-Token: 0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    # private keys
    ("pem-rsa", "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "-----END RSA PRIVATE KEY-----", [PEM_NEEDLE[:40]]),
    ("pem-cut-short", "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY, [PEM_NEEDLE[:40]]),
    ("pem-crlf", ("-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "-----END PRIVATE KEY-----").replace("\n", "\r\n"), [PEM_NEEDLE[:40]]),
    ("pem-encrypted", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + PEM_BODY + "-----END ENCRYPTED PRIVATE KEY-----", [PEM_NEEDLE[:40]]),
    ("pem-no-newlines", "-----BEGIN EC PRIVATE KEY----- " + PEM_BODY.replace("\n", " ") + "-----END EC PRIVATE KEY-----", [PEM_NEEDLE[:40]]),
    ("pem-indented-yaml", "tls:\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    " + PEM_BODY.replace("\n", "\n    ") + "-----END PRIVATE KEY-----\n", [PEM_NEEDLE[:40]]),
    ("pem-header-only-body-after-gap", "key below\n-----BEGIN OPENSSH PRIVATE KEY-----\n\n" + PEM_BODY, [PEM_NEEDLE[:40]]),
    ("openssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBvR7zW9kQ2xTzXcV5bN8mQ1wE4rT7yU0iO3pA6sD9fGwAAAJgAAAAAAAAA\n-----END OPENSSH PRIVATE KEY-----",
     ["QyNTUxOQAAACBvR7zW9kQ2xTzXcV5bN8mQ1wE4rT7"]),
    ("pgp", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGXaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVw\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----",
     ["lQOYBGXaBcDeFgHiJkLmNoPqRsTuVwXyZ"]),
    ("putty", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: k\nPublic-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\nPrivate-Lines: 2\nAAABAQCaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPq\nAAAAgQDaBcDeFgHiJkLmNoPqRsTuVwXyZ\nPrivate-MAC: 0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d",
     ["AAABAQCaBcDeFgHiJkLmNoPqRsTuVwXyZ", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("pem-html-escaped-newlines", "-----BEGIN PRIVATE KEY-----<br>" + PEM_BODY.replace("\n", "<br>") + "-----END PRIVATE KEY-----", [PEM_NEEDLE[:40]]),
    # URL paths/query
    ("query-token", "https://api.example.com/v1/x?access_token=0a1b2c3d4e5f60718293a4b5c6d7e8f9&x=1", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("query-api-key-camel", "https://api.example.com/v1/x?apiKey=0a1b2c3d4e5f60718293a4b5c6d7e8f9", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("query-password", "https://x.example/login?user=bob&password=Qu3ryPassw0rd", ["Qu3ryPassw0rd"]),
    ("query-in-fragment", "https://app.example/#access_token=0a1b2c3d4e5f60718293a4b5c6d7e8f9&token_type=bearer", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("path-random-part", "https://hooks.example.com/incoming/aB3dE6gH9jK2mN5pQ8sT1vW4yZ7/run", ["aB3dE6gH9jK2mN5pQ8sT1vW4yZ7"]),
    ("markdown-link-secret", "[dashboard](https://grafana.example/d/x?auth_token=0a1b2c3d4e5f60718293a4b5c6d7e8f9)", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("url-userinfo-only-token", "https://0a1b2c3d4e5f60718293a4b5c6d7e8f9@api.example.com/x", ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"]),
    ("github-longer-than-36", "ghp_" + "Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7UeR7k2ZZZZTAIL99", ["ZZZZTAIL99", "Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7U"]),
    ("stripe-test", "sk_test_51H8TestaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", ["51H8TestaBcDeFgHiJkLmNoPqRsTu"]),
    ("jwt-line-wrapped", JWT[:60] + "\n" + JWT[60:], [JWT.split(".")[2]]),
    ("url-password-html-entity-at", "postgres://app:H7mlEntPassw0rd&#64;db.internal/app", ["H7mlEntPassw0rd"]),
    ("aws-secret-nbsp-separated", f"aws_access_key_id\u00a0=\u00a0{AWS_ID}\naws_secret_access_key\u00a0=\u00a0Nb8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP", ["Nb8v3Lr9TfW2mKd7Xp4Bn6"]),
    ("aws-secret-beside-id-tab-quote", f"'{AWS_ID}'\t'Tb8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoP'", ["Tb8v3Lr9TfW2mKd7Xp4Bn6"]),
    ("k8s-secret-yaml-base64", "apiVersion: v1\nkind: Secret\ndata:\n  password: UzNjcjN0SzhzUGFzc3cwcmQ=\n", ["UzNjcjN0SzhzUGFzc3cwcmQ"]),
    ("docker-config-auth", '{"auths":{"https://index.docker.io/v1/":{"auth":"ZG9ja2VyOkQwY2tlckF1dGhQYXNzdzByZA=="}}}', ["ZG9ja2VyOkQwY2tlckF1dGhQYXNzdzByZA"]),
    ("netrc", "machine api.example.com login bob password N3trcPassw0rd", ["N3trcPassw0rd"]),
    ("htpasswd-bcrypt", "admin:$2y$10$Qm9xQ8sT1vW4yZ7aB3dE6OgH9jK2mN5pQ8sT1vW4yZ7aB3dE6gH9j", ["Qm9xQ8sT1vW4yZ7aB3dE6OgH9jK2mN5p"]),
    ("github-cut-one-char", "token " + GH[:-1], [GH[4:-1]]),
    ("gitlab-pat-cut-one-char", "glpat-aBcDeFgHiJkLmNoPqRs", ["aBcDeFgHiJkLmNoPqRs"]),
    # long text: secret at the very end of a 19k text
    ("long-text-end", ("lorem ipsum " * 1580) + GH.replace("R7k2", "Z7k2"), [GH.replace("R7k2", "Z7k2")[4:]]),
]


def first_json(b):
    try:
        return json.loads(b.decode("utf-8"))
    except Exception:
        return None


def norm(s):
    return html.unescape(s)


def leaks(text, needles):
    t = text
    try:
        t2 = norm(t)
    except Exception:
        t2 = t
    found = []
    for n in needles:
        if n in t or n in t2:
            found.append(n)
        # JSON-escaped form of the needle too
        jn = json.dumps(n)[1:-1]
        if jn != n and jn in t:
            found.append(jn)
    return found


def ctx(text, needle, w=60):
    i = text.find(needle)
    if i < 0:
        i = norm(text).find(needle)
        text = norm(text)
    return text[max(0, i - w): i + len(needle) + w].replace("\n", "\\n")


def create_hotfix(title, field_text, field="rootCause"):
    body = json.dumps({"title": title, "severity": "high", field: field_text})
    st, h, b = req("POST", "/api/v1/hotfixes", body)
    j = first_json(b)
    return st, (j or {}).get("id"), b


def readbacks(hid, q=None):
    outs = {}
    st, h, b = req("GET", f"/api/v1/hotfixes/{hid}")
    outs["json"] = b.decode("utf-8", "replace")
    st, h, b = req("GET", f"/api/v1/hotfixes/{hid}/history")
    outs["history"] = b.decode("utf-8", "replace")
    st, h, b = req("GET", f"/api/v1/hotfixes/{hid}", headers={"Accept": "text/markdown"})
    outs["markdown"] = b.decode("utf-8", "replace")
    st, h, b = req("GET", f"/hotfixes/{hid}", headers={"Accept": "text/html"})
    outs["html"] = b.decode("utf-8", "replace") if st == 200 else ""
    if q:
        st, h, b = req("GET", "/api/v1/search?q=" + urllib.parse.quote(q) + "&limit=50")
        j = first_json(b) or {}
        items = j.get("items", j.get("hits", [])) if isinstance(j, dict) else j
        own = [it for it in (items or []) if isinstance(it, dict) and it.get("id") == hid]
        outs["search"] = json.dumps(own, ensure_ascii=False) if isinstance(items, list) else b.decode("utf-8", "replace")
    return outs


EXPORT = {}


def get_export():
    if "full" not in EXPORT:
        st, h, b = req("GET", "/api/v1/export?format=full")
        EXPORT["full"] = b.decode("utf-8", "replace")
        st, h, b = req("GET", "/api/v1/export")
        EXPORT["log"] = b.decode("utf-8", "replace")
    return EXPORT


def own_section(t, hid):
    """The part of an exported page that belongs to one record (its heading up to the next record heading)."""
    m = re.search(r"(?m)^#+ .*\b" + re.escape(hid) + r"\b.*$", t)
    if not m:
        m2 = re.search(r"(?m)^.*\b" + re.escape(hid) + r"\b.*$", t)
        return m2.group(0) if m2 else ""
    rest = t[m.end():]
    n = re.search(r"(?m)^#{1,3} .*HOTFIX-\d+", rest)
    return t[m.start(): m.end() + (n.start() if n else len(rest))]


def redaction_probes():
    made = []
    for name, text, needles in SECRETS:
        st, hid, b = create_hotfix(f"probe {RUN} {name}", text)
        if st != 201 or not hid:
            # refused is not a leak, but check the error body does not echo the secret
            lk = leaks(b.decode("utf-8", "replace"), needles)
            record(f"redact/{name} (create answered {st})", not lk and st < 500,
                   f"status {st}; echoed {lk!r}: {b[:300]!r}")
            continue
        made.append((name, hid, text, needles))
    for name, hid, text, needles in made:
        outs = readbacks(hid, q=needles[0])
        bad = []
        for where, t in outs.items():
            for n in leaks(t, needles):
                bad.append(f"{where}: …{ctx(t, n)}…")
        if not outs["html"]:
            bad_html = " (html page not readable with token)"
        record(f"redact/{name} [{hid}]", not bad, f"input={text[:160]!r} ; " + " | ".join(bad[:3]))
    ex = get_export()
    for name, hid, text, needles in made:
        bad = []
        for form, t in ex.items():
            t = own_section(t, hid)
            for n in leaks(t, needles):
                bad.append(f"export {form}: …{ctx(t, n)}…")
        if bad:
            record(f"redact-export/{name} [{hid}]", False, " | ".join(bad[:2]))
    record("redact-export/all-others", True)


# ---------------------------------------------------------------- other ways in
def other_inputs():
    secret = "ghp_Q9w8E7r6T5y4U3i2O1p0A9s8D7f6G5h4J3k2"
    needles = [secret[4:]]
    # alertmanager
    am = {"version": "4", "groupKey": "{}:{alertname=\"P%s\"}" % RUN, "status": "firing", "receiver": "hotfix",
          "groupLabels": {"alertname": "P" + RUN}, "commonLabels": {}, "commonAnnotations": {},
          "externalURL": "http://am", "truncatedAlerts": 0,
          "alerts": [{"status": "firing", "labels": {"alertname": "P" + RUN, "severity": "critical", "service": "pay", "token": secret, "db_password": "AmLabelPassw0rd", "api_key": "AmLabelKey0a1b2c3d4e5f6a7b8c9d"},
                      "annotations": {"summary": f"leak {secret}", "description": "db postgres://u:AmPassw0rdXyz@db/x",
                                      "runbook_url": "https://run.example/?api_key=0a1b2c3d4e5f60718293a4b5c6d7e8f0"},
                      "startsAt": "2026-12-07T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                      "generatorURL": "http://prom/graph?g0.expr=up&access_token=AmGenTok0a1b2c3d4e5f607182",
                      "fingerprint": "f" + RUN}]}
    st, h, b = req("POST", "/api/v1/ingest/alertmanager/prod", json.dumps(am), auth=False,
                   headers=[("Authorization", "Bearer probe-am-secret-0123456789")])
    record("ingest/alertmanager accepted", st in (200, 201, 202, 204), f"status {st} {b[:200]!r}")
    st, h, b = req("GET", "/api/v1/incoming")
    t = b.decode("utf-8", "replace")
    nd = needles + ["AmLabelPassw0rd", "AmLabelKey0a1b2c3d4e5f6a7b8c9d", "AmPassw0rdXyz", "0a1b2c3d4e5f60718293a4b5c6d7e8f0", "AmGenTok0a1b2c3d4e5f607182"]
    lk = leaks(t, nd)
    record("ingest/alertmanager incoming list", not lk, f"leaked {lk}: {[ctx(t, n) for n in lk][:3]}")
    j = first_json(b) or {}
    items = j.get("items", j if isinstance(j, list) else [])
    aid = None
    for it in items:
        if RUN in json.dumps(it):
            aid = it.get("id")
    if aid:
        num = str(aid).split("-")[-1]
        st, h, b = req("GET", f"/incoming/{num}", headers={"Accept": "text/html"})
        t = b.decode("utf-8", "replace")
        lk = leaks(t, nd)
        record("ingest/alertmanager incoming page", not lk, f"status {st} leaked {lk}: {[ctx(t, n) for n in lk][:3]}")
        st, h, b = req("POST", f"/api/v1/incoming/{aid}/declare", json.dumps({"triage": {"productionDown": True, "canWait": False}}))
        j = first_json(b) or {}
        hid = j.get("id") or j.get("hotfix")
        record("ingest/alertmanager declare", st in (200, 201), f"status {st} {b[:300]!r}")
        if hid and isinstance(hid, str):
            outs = readbacks(hid)
            bad = [f"{w}: {ctx(t, n)}" for w, t in outs.items() for n in leaks(t, nd)]
            record(f"ingest/alertmanager declared hotfix {hid}", not bad, " | ".join(bad[:3]))
    # grafana
    gf = {"receiver": "hotfix", "status": "firing", "orgId": 1, "groupKey": "{}:{grafana_folder=\"G%s\"}" % RUN,
          "groupLabels": {"alertname": "G" + RUN}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://gf/",
          "version": "1", "title": f"[FIRING:1] G{RUN} xoxb-2462856543-1234567890123-GfTitleSecretXyZ0123456",
          "state": "alerting", "message": "Authorization: Bearer GfMessage0a1b2c3d4e5f6071829",
          "alerts": [{"status": "firing", "labels": {"alertname": "G" + RUN, "severity": "warning", "password": "GfLabelPassw0rd"},
                      "annotations": {"summary": "sk_live_51GfAnnotationaBcDeFgHiJkLmNoPqRsTu"},
                      "startsAt": "2026-12-07T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://gf/alerting/x",
                      "fingerprint": "g" + RUN, "silenceURL": "http://gf/alerting/silence/new?alertmanager=grafana&matcher=token%3DGfSilenceTok0a1b2c3d4e",
                      "dashboardURL": "", "panelURL": "", "values": {"A": 1}, "valueString": "[ var='A' labels={token=GfValueTok0a1b2c3d4e5f} value=1 ]"}]}
    st, h, b = req("POST", "/api/v1/ingest/grafana/main", json.dumps(gf), auth=False,
                   headers=[("Authorization", "Bearer probe-gf-secret-0123456789")])
    record("ingest/grafana accepted", st in (200, 201, 202, 204), f"status {st} {b[:200]!r}")
    nd2 = ["GfTitleSecretXyZ0123456", "GfMessage0a1b2c3d4e5f6071829", "GfLabelPassw0rd", "51GfAnnotationaBcDeFgHiJkLmNoPqRsTu", "GfSilenceTok0a1b2c3d4e", "GfValueTok0a1b2c3d4e5f"]
    st, h, b = req("GET", "/api/v1/incoming")
    t = b.decode("utf-8", "replace")
    gid = None
    for it in (first_json(b) or {}).get("items", []):
        if ("G" + RUN) in json.dumps(it):
            gid = it.get("id")
    pages = t
    if gid:
        st2, h2, b2 = req("GET", f"/incoming/{str(gid).split('-')[-1]}", headers={"Accept": "text/html"})
        pages += b2.decode("utf-8", "replace")
        st3, h3, b3 = req("GET", f"/api/v1/incoming/{gid}")
        pages += b3.decode("utf-8", "replace")
    lk = leaks(pages, nd2)
    record("ingest/grafana readback", not lk, f"leaked {lk}: {[ctx(pages, n) for n in lk][:4]}")
    # deploy markers
    dp = {"system": "pay" + RUN, "version": "1.0.0", "id": "run-" + RUN,
          "url": f"https://ci.example.com/runs/1?token=DpUrlTok0a1b2c3d4e5f60718293&who={secret}"}
    st, h, b = req("POST", "/api/v1/deploys", json.dumps(dp))
    if st == 400 and b"description" in b:
        dp.pop("description")
        st, h, b = req("POST", "/api/v1/deploys", json.dumps(dp))
    record("deploy accepted", st in (200, 201), f"status {st} {b[:300]!r}")
    dpv = {"system": "pay" + RUN, "version": "glpat-DpVersionaBcDeFgHiJk", "id": "run2-" + RUN}
    st2, h, b2 = req("POST", "/api/v1/deploys", json.dumps(dpv))
    st, h, b = req("GET", "/api/v1/deploys?system=pay" + RUN)
    t = b.decode("utf-8", "replace") + b2.decode("utf-8", "replace")
    lk = leaks(t, ["DpUrlTok0a1b2c3d4e5f60718293", "DpVersionaBcDeFgHiJk", secret[4:]])
    record("deploy readback", not lk, f"version-post={st2}; leaked {lk}: {[ctx(t, n) for n in lk][:3]}")
    # hotfix for attachments + markdown import
    st, hid, b = create_hotfix(f"probe {RUN} attachments", "x")
    bnd = "----probe" + RUN
    txt = f"log line\nAWS_SECRET_ACCESS_KEY={AWS_SECRET2}\nuser {secret}\n"
    fname = f"dump-{secret}.log"
    mp = (f"--{bnd}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fname}\"\r\nContent-Type: text/plain\r\n\r\n{txt}\r\n"
          f"--{bnd}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnote xoxp-2462856543-2462856543-2462856543-NoteSecret0a1b2c3d4e5f6\r\n--{bnd}--\r\n")
    st, h, b = req("POST", f"/api/v1/hotfixes/{hid}/attachments", mp, ctype=f"multipart/form-data; boundary={bnd}")
    record("attach accepted", st in (200, 201), f"status {st} {b[:300]!r}")
    j = first_json(b) or {}
    t = b.decode("utf-8", "replace")
    st, h, b = req("GET", f"/api/v1/hotfixes/{hid}/attachments")
    t += b.decode("utf-8", "replace")
    aj = first_json(b)
    att_id = j.get("id")
    if att_id is None and isinstance(aj, (list, dict)):
        lst = aj if isinstance(aj, list) else aj.get("items", [])
        if lst:
            att_id = lst[0].get("id")
    if att_id is not None:
        for p in (f"/api/v1/attachments/{att_id}", f"/api/v1/attachments/{att_id}/content", f"/attachments/{att_id}"):
            st, h, b = req("GET", p)
            t += f"\n[{p} {st}]\n" + h + "\n" + b.decode("utf-8", "replace")
    outs = readbacks(hid)
    t += "".join(outs.values())
    lk = leaks(t, [AWS_SECRET2[:20], secret[4:], "NoteSecret0a1b2c3d4e5f6"])
    record("attach text/name/note readback", not lk, f"leaked {lk}: {[ctx(t, n) for n in lk][:3]}")
    # secret in a file name: split-token forms
    fname2 = "AKIAQYLPMN5HHHFPZAM7 wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYZEXAMPL9.txt"
    mp = (f"--{bnd}\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''{urllib.parse.quote('sk_live_51FnStarEncodedaBcDeFgHiJkLmNoPqRsTu.log')}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--{bnd}--\r\n")
    st, h, b = req("POST", f"/api/v1/hotfixes/{hid}/attachments", mp, ctype=f"multipart/form-data; boundary={bnd}")
    st2, h2, b2 = req("GET", f"/api/v1/hotfixes/{hid}/attachments")
    t = b.decode("utf-8", "replace") + b2.decode("utf-8", "replace")
    lk = leaks(t, ["51FnStarEncodedaBcDeFgHiJkLmNoPqRsTu"])
    record("attach filename* (RFC 5987) secret", not lk and st < 500, f"status {st}; leaked {lk}: {[ctx(t, n) for n in lk][:2]}")
    # markdown import
    md = (f"# Hotfix Log\n\n## Active Hotfixes\n\n### 🚨 [HOTFIX-XXX] md import {RUN}\n\n"
          f"**Severity:** High\n**Problem:** import leak {secret} and AKIAQYLPMN5HHHFPZAM5 Mp8v3Lr9TfW2mKd7Xp4Bn6Hj1Sg5Vc0Ye2Ru8IoQ\n"
          f"**Root Cause:** see https://u:MdUrlPassw0rd@db.example/x\n\n"
          f"~~~\n-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}-----END RSA PRIVATE KEY-----\n~~~\n\n"
          f"#### Timeline\n- 02:10 pasted xoxb-2462856543-1234567890123-MdTimelineSecret01234567\n\n"
          f"Custom Line: sk_live_51MdCustomaBcDeFgHiJkLmNoPqRsTuVwX\n")
    st, h, b = req("POST", "/api/v1/import?dryRun=true", md, ctype="text/markdown")
    nd3 = [secret[4:], "QYLPMN5HHHFPZAM5", "Mp8v3Lr9TfW2mKd7Xp4Bn6", "MdUrlPassw0rd", PEM_NEEDLE[:40], "MdTimelineSecret01234567", "51MdCustomaBcDeFgHiJkLmNoPqRsTuVwX"]
    t = b.decode("utf-8", "replace")
    lk = leaks(t, nd3)
    record("import dry-run answer", st < 500 and not lk, f"status {st} leaked {lk}: {[ctx(t, n) for n in lk][:3]}")
    st, h, b = req("POST", "/api/v1/import", md, ctype="text/markdown")
    t = b.decode("utf-8", "replace")
    record("import applied", st in (200, 201), f"status {st} {t[:400]}")
    st, h, b = req("GET", "/api/v1/search?q=" + RUN + "&limit=50")
    t += b.decode("utf-8", "replace")
    for it in (first_json(b) or {}).get("items", []):
        if "md import" in json.dumps(it):
            t += "".join(readbacks(it.get("id")).values())
    EXPORT.clear()
    ex = get_export()
    t += ex["full"] + ex["log"]
    lk = leaks(t, nd3)
    # the real format of this server's own API token
    st, h, b = req("POST", "/api/v1/tokens", json.dumps({"name": "probe " + RUN, "role": "viewer", "expiresAt": "2027-01-01T00:00:00Z"}))
    tok = (first_json(b) or {}).get("token")
    if tok:
        st, hid2, b = create_hotfix(f"probe {RUN} own token", f"used {tok} in the script")
        outs = readbacks(hid2)
        bad = [f"{w}: {ctx(x, tok[6:])}" for w, x in outs.items() if tok[6:] in x]
        record(f"redact/hotfix-log-own-api-token (real, {tok[:6]}…) [{hid2}]", not bad, " | ".join(bad[:2]))
        st, hid3, b = create_hotfix(f"probe {RUN} own token cut", f"used {tok[:-1]} in the script")
        outs = readbacks(hid3)
        bad = [f"{w}: {ctx(x, tok[6:-1])}" for w, x in outs.items() if tok[6:-1] in x]
        record(f"redact/hotfix-log-own-api-token minus its last char [{hid3}]", not bad, " | ".join(bad[:2]))
    record("import readback+export", not lk, f"leaked {lk}: {[ctx(t, n) for n in lk][:4]}")


# ---------------------------------------------------------------- strict reading
def expect(name, got, allowed, detail=b""):
    ok = got in allowed if isinstance(allowed, (set, list, tuple, range)) else allowed(got)
    record(name, ok, f"status {got}; body {detail[:250]!r}")


def http_probes(slow=False):
    good = json.dumps({"title": "strict " + RUN, "severity": "medium"})
    ct_cases = [
        ("ct repeated charset", "application/json; charset=utf-8; charset=utf-8", range(400, 500)),
        ("ct unbalanced quote", 'application/json; charset="utf-8', range(400, 500)),
        ("ct param without value", "application/json; charset=", range(400, 500)),
        ("ct param no =", "application/json; charset", range(400, 500)),
        ("ct empty param ;; (RFC 9110 allows empty parameters)", "application/json;;charset=utf-8", lambda s: s in (201, 400)),
        ("ct trailing ; (RFC 9110 allows it)", "application/json;", lambda s: s in (201, 400)),
        ("ct =value no name", "application/json; =utf-8", range(400, 500)),
        ("ct repeated charset different case", "application/json; charset=utf-8; CHARSET=utf-8", range(400, 500)),
        ("ct quoted charset w/ backslash escape", 'application/json; charset="utf\\-8"', lambda s: s in (201, 400, 415)),
        ("ct quote inside token", 'application/json; charset=ut"f-8', range(400, 500)),
        ("ct two media types comma", "application/json, text/plain", range(400, 500)),
        ("ct latin1", "application/json; charset=iso-8859-1", [415]),
        ("ct utf8 alias", "application/json; charset=utf8", lambda s: s in (201, 415)),
        ("ct space in type", "application /json", range(400, 500)),
        ("ct control char in param", "application/json; charset=utf-8\x01", range(400, 500)),
        ("ct null-ish star", "*/*", [415]),
        ("ct unknown param", "application/json; foo=bar", lambda s: s in (201, 400, 415)),
        ("ct unknown param quoted unbalanced later", 'application/json; foo="a;b"; bar="', range(400, 500)),
        ("ct secret in param echo", "application/json; charset=ghp_R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7Ue", [415]),
    ]
    for name, ct, allowed in ct_cases:
        st, h, b = req("POST", "/api/v1/hotfixes", good, ctype=ct)
        if name.startswith("ct secret"):
            record("strict/" + name + " (no echo)", st in allowed and b"R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0" not in b, f"status {st} body {b[:250]!r}")
        else:
            expect("strict/" + name + f" [{ct!r}]", st, allowed, b)
    # two Content-Type headers
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Content-Type", "application/json")])
    expect("strict/two Content-Type headers (same)", st, range(400, 500), b)
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Content-Type", "text/plain")])
    expect("strict/two Content-Type headers (application/json + text/plain)", st, range(400, 500), b)
    # booleans in query
    md = "# x\n"
    for q in ("dryRun", "dryRun=", "dryRun=1", "dryRun=yes", "dryRun=TRUE", "dryRun=True", "dryRun=true&dryRun=false",
              "dryRun=true&dryRun=true", "dryrun=true", "dry_run=true", "dryRun=%74rue", "dryRun=true%00", "dryRun=+true", "dryRun=true%20",
              "dryRun=tru%65", "dryRun%3Dtrue", "dryRun=true;x=1"):
        st, h, b = req("POST", "/api/v1/import?" + q, md, ctype="text/markdown")
        allowed = range(400, 500)
        if q in ("dryRun=%74rue", "dryRun=tru%65"):
            allowed = lambda s: s != 500 and s < 500
        expect(f"strict/bool query ?{q}", st, allowed, b)
    # JSON booleans
    for v in ('"true"', '1', '0', 'null', '"yes"', 'True', 'tRue'):
        body = '{"title":"b %s","severity":"medium","triage":{"productionDown":%s,"canWait":false}}' % (RUN, v)
        st, h, b = req("POST", "/api/v1/hotfixes", body)
        allowed = range(400, 500) if v != "null" else (lambda s: s < 500)
        expect(f"strict/json bool productionDown={v}", st, allowed, b)
    # unknown query params on writes
    for q in ("foo=1", "foo", "=1", "&", "a=%ZZ", "ghp_R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7Ue=1", "%66oo=1", "limit=5", "", "?"):
        st, h, b = req("POST", "/api/v1/hotfixes?" + q, good)
        if q in ("", "&", "?"):
            allowed = lambda s: s < 500
        else:
            allowed = range(400, 500)
        ok = (allowed(st) if callable(allowed) else st in allowed) and b"R7k2Lq9Xw4Tz8Vb3" not in b
        record(f"strict/write unknown query ?{q}", ok, f"status {st} body {b[:250]!r}")
    st, h, b = req("PATCH", "/api/v1/hotfixes/HOTFIX-001?x=1", '{"owner":"a"}', ctype="application/merge-patch+json", headers=[("If-Match", '"1"')])
    expect("strict/PATCH unknown query", st, range(400, 500), b)
    st, h, b = req("DELETE", "/api/v1/hotfixes/HOTFIX-99999?really=true")
    expect("strict/DELETE unknown query", st, [400], b)
    # secrets echoed in errors
    echo_cases = [
        ("severity value", "POST", "/api/v1/hotfixes", '{"title":"e","severity":"sk_live_51EchoSevaBcDeFgHiJkLmNoPqRsTu"}', "51EchoSevaBcDeFgHiJkLmNoPqRsTu"),
        ("unknown json field name", "POST", "/api/v1/hotfixes", '{"title":"e","severity":"medium","ghp_EchoFieldR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg":1}', "EchoFieldR7k2Lq9Xw4Tz8Vb3"),
        ("bad time value", "POST", "/api/v1/hotfixes", '{"title":"e","severity":"medium","detectedAt":"AKIAQYLPMN5HHHFPZEC1 wJalrXUtnFEMIK7MDENGbPxRfiCYECHOKEY1"}', "QYLPMN5HHHFPZEC1"),
        ("title too long w/ secret", "POST", "/api/v1/hotfixes", json.dumps({"title": "x" * 195 + " glpat-EchoTitleaBcDeFgHiJ", "severity": "medium"}), "EchoTitleaBcDeFgHiJ"),
        ("path id", "GET", "/api/v1/hotfixes/ghp_EchoPathR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0F", "", "EchoPathR7k2Lq9Xw4Tz8Vb3"),
        ("page path", "GET", "/hotfixes/xoxb-2462856543-1234567890123-EchoPagePathSecret012", "", "EchoPagePathSecret012"),
        ("broken json w/ secret", "POST", "/api/v1/hotfixes", '{"title":"e sk_live_51EchoBrokenaBcDeFgHiJkLmNoPq', "51EchoBrokenaBcDeFgHiJkLmNoPq"),
        ("json syntax secret unquoted", "POST", "/api/v1/hotfixes", '{"title": AKIAQYLPMN5HHHFPZEC2}', "QYLPMN5HHHFPZEC2"),
        ("bad If-Match", "PATCH", "/api/v1/hotfixes/HOTFIX-001", '{"owner":"a"}', "EchoIfMatchR7k2Lq9Xw4Tz8Vb3"),
        ("search bad from", "GET", "/api/v1/search?q=x&from=glpat-EchoFromaBcDeFgHiJkLm", "", "EchoFromaBcDeFgHiJkLm"),
        ("list bad severity", "GET", "/api/v1/hotfixes?severity=sk_live_51EchoListaBcDeFgHiJkLmNoPqRs", "", "51EchoListaBcDeFgHiJkLmNoPqRs"),
        ("bad cursor", "GET", "/api/v1/hotfixes?cursor=ghp_EchoCursorR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5D", "", "EchoCursorR7k2Lq9Xw4Tz8Vb3"),
        ("pct-encoded secret path", "GET", "/api/v1/hotfixes/ghp%5FEchoPctR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0F", "", "EchoPctR7k2Lq9Xw4Tz8Vb3"),
        ("url password in query value", "GET", "/api/v1/hotfixes?severity=" + urllib.parse.quote("postgres://u:EchoPgPassw0rd@h/db"), "", "EchoPgPassw0rd"),
    ]
    for name, m, p, body, needle in echo_cases:
        hdr = [("If-Match", "ghp_EchoIfMatchR7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5")] if name == "bad If-Match" else None
        ct = "application/merge-patch+json" if m == "PATCH" else "application/json"
        st, h, b = req(m, p, body, headers=hdr, ctype=ct)
        t = (h + b.decode("utf-8", "replace"))
        ok = needle not in t and needle not in norm(t) and st < 500
        record(f"echo/{name}", ok, f"status {st}; {ctx(t, needle) if needle in norm(t) else b[:200]!r}")
    # broken JSON shapes: never 500
    shapes = [("deep nesting", '{"title":' + "[" * 20000 + "]" * 20000 + '}'),
              ("huge number", '{"title":"n","severity":"medium","x":1e999999999}'),
              ("lone surrogate", '{"title":"a\\ud800b","severity":"medium"}'),
              ("NUL", '{"title":"a\\u0000b","severity":"medium"}'),
              ("BOM", '\ufeff{"title":"bom","severity":"medium"}'),
              ("trailing garbage", '{"title":"t","severity":"medium"} x'),
              ("duplicate key", '{"title":"a","title":"b","severity":"medium"}'),
              ("array body", '[1,2]'), ("null body", 'null'), ("empty body", ''),
              ("title number", '{"title":5,"severity":"medium"}'),
              ("systems huge", json.dumps({"title": "s", "severity": "medium", "systems": ["x"] * 101})),
              ("deep object", '{"title":"d","severity":"medium","fields":' + '{"a":' * 5000 + '1' + '}' * 5000 + '}')]
    for name, body in shapes:
        st, h, b = req("POST", "/api/v1/hotfixes", body)
        expect(f"strict/json {name}", st, range(400, 500), b)
    # invalid UTF-8
    st, h, b = req("POST", "/api/v1/hotfixes", b'{"title":"\xc0\xaf","severity":"medium"}')
    expect("strict/json overlong utf-8", st, [400], b)
    st, h, b = req("POST", "/api/v1/hotfixes", b'{"title":"\xed\xa0\x80","severity":"medium"}')
    expect("strict/json CESU surrogate utf-8", st, [400], b)
    # times
    tcases = [("+10000-01-01T00:00:00Z", 422), ("-10000-01-01T00:00:00Z", 422), ("9999-12-31T23:30:00-05:00", 422),
              ("-9999-01-01T00:30:00+05:00", 422), ("+9999-06-01T00:00:00Z", None), ("10000-01-01T00:00:00Z", 422),
              ("2026-02-30T00:00:00Z", 422), ("2026-12-07T25:00:00Z", 422), ("2026-12-07T10:00:00+25:00", 422),
              ("99999999999-01-01T00:00:00Z", 422), ("2026-12-07T10:00:00.0000000001Z", None), ("0000-01-01T00:00:00Z", None)]
    for tv, want in tcases:
        st, h, b = req("POST", "/api/v1/hotfixes", json.dumps({"title": "t " + RUN, "severity": "medium", "detectedAt": tv}))
        ok = (st == want and b"detectedAt" in b) if want else st in (201, 422)
        record(f"strict/time detectedAt={tv}", ok, f"status {st} body {b[:250]!r}")
    for tv in ("+10000-01-01T00:00:00Z", "9999-12-31T23:30:00-05:00", "+1000000000-01-01T00:00:00Z"):
        dp = {"system": "t" + RUN, "version": "v", "at": tv}
        st, h, b = req("POST", "/api/v1/deploys", json.dumps(dp))
        expect(f"strict/time deploy at={tv}", st, [422], b)
    for q in ("from=%2B10000-01-01T00:00:00Z", "from=10000-01", "to=-10000-01"):
        st, h, b = req("GET", "/api/v1/metrics?" + q)
        expect(f"strict/time metrics ?{q}", st, [422], b)
    md = f"# Hotfix Log\n\n## Active Hotfixes\n\n### HOTFIX-8{RUN[:2]}1: t - 2026-12-07\n\n**Severity:** High\n**Detected:** 10000-01-01 00:00\n"
    st, h, b = req("POST", "/api/v1/import?dryRun=true", md, ctype="text/markdown")
    expect("strict/time markdown Detected 10000", st, [422, 400], b)
    # multipart
    st0, hid, _ = create_hotfix("mp " + RUN, "x")
    mpp = f"/api/v1/hotfixes/{hid}/attachments"
    mcases = [("empty body", "", "multipart/form-data; boundary=abc"),
              ("no boundary", "--abc\r\n\r\n--abc--\r\n", "multipart/form-data"),
              ("other boundary", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--xyz--\r\n", "multipart/form-data; boundary=abc"),
              ("cut short", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi", "multipart/form-data; boundary=abc"),
              ("only close delimiter", "--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("part without disposition", "--abc\r\nContent-Type: text/plain\r\n\r\nhi\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("no file part", "--abc\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("two file parts same name", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n\r\nho\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("boundary empty", "--\r\n\r\n----\r\n", "multipart/form-data; boundary="),
              ("boundary quoted unbalanced", "--abc\r\n\r\n--abc--\r\n", 'multipart/form-data; boundary="abc'),
              ("boundary twice", "--abc\r\n\r\n--abc--\r\n", "multipart/form-data; boundary=abc; boundary=abc"),
              ("boundary too long 71", "--" + "a" * 71 + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--" + "a" * 71 + "--\r\n", "multipart/form-data; boundary=" + "a" * 71),
              ("201 parts", "".join(f"--abc\r\nContent-Disposition: form-data; name=\"n{i}\"\r\n\r\nx\r\n" for i in range(201)) + "--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("header line no colon", "--abc\r\nContent-Disposition form-data\r\n\r\nhi\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("LF-only line ends", "--abc\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\n\nhi\n--abc--\n", "multipart/form-data; boundary=abc"),
              ("unknown field", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--abc\r\nContent-Disposition: form-data; name=\"bogus\"\r\n\r\nx\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("empty filename", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--abc--\r\n", "multipart/form-data; boundary=abc"),
              ("multipart/mixed", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--abc--\r\n", "multipart/mixed; boundary=abc"),
              ]
    for name, body, ct in mcases:
        st, h, b = req("POST", mpp, body, ctype=ct)
        if name in ("two file parts same name", "unknown field"):
            # several files per upload is plausible; an unknown form field is like an unknown parameter (README: refused)
            expect(f"strict/multipart {name}", st, (lambda s: s in (201, 400)) if name.startswith("two") else range(400, 500), b)
            continue
        expect(f"strict/multipart {name}", st, range(400, 500), b)
    # ok multipart with LF endings or unknown field could legitimately be 201 -> flagged for reading only
    # oversize
    big = b'{"title":"' + b"a" * (2 * 1024 * 1024 + 10) + b'","severity":"medium"}'
    t0 = time.time()
    s = socket.create_connection((HOST, PORT), timeout=30)
    s.sendall(f"POST /api/v1/hotfixes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {len(big)}\r\nConnection: close\r\n\r\n".encode())
    s.sendall(big[:1000])
    data = b""
    try:
        while True:
            c = s.recv(65536)
            if not c:
                break
            data += c
            if b"\r\n\r\n" in data:
                t1 = time.time()
                break
    except Exception as e:
        data += f"<{e}>".encode()
    s.close()
    st, h, b = parse_resp(data)
    record("strict/oversize announced -> 413 at once (client waits after 1000 body bytes)", st == 413 and time.time() - t0 < 10, f"status {st} first answer after {time.time()-t0:.1f}s {data[:200]!r}")
    # oversize chunked (no length)
    s = socket.create_connection((HOST, PORT), timeout=60)
    s.sendall(f"POST /api/v1/hotfixes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode())
    data = b""
    try:
        chunk = b"a" * 65536
        for _ in range(40):
            s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        s.sendall(b"0\r\n\r\n")
    except Exception as e:
        pass
    try:
        while True:
            c = s.recv(65536)
            if not c:
                break
            data += c
    except Exception as e:
        data += f"<{e}>".encode()
    s.close()
    st, h, b = parse_resp(data)
    record("strict/oversize chunked -> 413 readable", st == 413, f"status {st} {data[:200]!r}")
    # oversize with Expect: 100-continue
    s = socket.create_connection((HOST, PORT), timeout=30)
    s.sendall(f"POST /api/v1/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: text/markdown\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n".encode())
    data = b""
    try:
        while True:
            c = s.recv(65536)
            if not c:
                break
            data += c
    except Exception as e:
        data += f"<{e}>".encode()
    s.close()
    st, h, b = parse_resp(data)
    record("strict/oversize Expect:100-continue -> 413", st == 413, f"{data[:200]!r}")
    # CL + TE both
    st, h, b = raw(f"POST /api/v1/hotfixes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n".encode())
    expect("strict/CL+TE both", st, [400], b)
    # duplicate once-headers
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Idempotency-Key", "a"), ("Idempotency-Key", "b")])
    expect("strict/Idempotency-Key twice", st, [400], b)
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Authorization", "Bearer " + TOKEN)])
    expect("strict/Authorization twice", st, [400], b)
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Idempotency-Key", "a, b")])
    expect("strict/Idempotency-Key list value", st, lambda s: s < 500, b)
    # path
    st, h, b = req("GET", "/api/v1/hotfixes/%ZZ")
    expect("strict/broken pct path", st, [400], b)
    st, h, b = req("GET", "/api/v1/hotfixes?q=a%00b")
    expect("strict/NUL in query value", st, [400], b)
    st, h, b = req("GET", "/api/v1/search?q=%C0%AF")
    expect("strict/overlong pct utf-8 in search q", st, [400], b)
    st, h, b = req("POST", "/api/v1/import?dryRun=%C0%AF", "# x\n", ctype="text/markdown")
    expect("strict/overlong pct utf-8 in write query", st, [400], b)
    st, h, b = req("GET", "/api/v1/hotfixes/%C0%AF")
    expect("strict/overlong pct utf-8 path", st, [400, 404], b)
    st, h, b = req("GET", "/api/v1/hotfixes?limit=99999999999999999999")
    expect("strict/huge limit", st, range(400, 500), b)
    st, h, b = req("GET", "/api/v1/hotfixes?limit=-1")
    expect("strict/negative limit", st, range(400, 500), b)
    st, h, b = req("GET", "/api/v1/search?q=" + "a" * 100000)
    expect("strict/very long query", st, lambda s: s < 500, b)
    # Content-Type is read on every request, before the credentials
    st, h, b = req("GET", "/api/v1/hotfixes", b"", headers=[("Content-Type", 'application/json; charset="utf-8')])
    expect("strict/GET with unbalanced Content-Type", st, [400], b)
    st, h, b = req("POST", "/api/v1/hotfixes", good, auth=False, ctype='application/json; charset="utf-8')
    expect("strict/unbalanced Content-Type before credentials (no auth)", st, [400], b)
    st, h, b = req("POST", "/api/v1/hotfixes", good, headers=[("Idempotency-Key", "ghp_R7k2Lq9Xw4Tz8Vb3Nm6Pj1Hs5Dg0Fc2Ya7Ue"), ("Idempotency-Key", "b")])
    record("echo/Idempotency-Key twice with secret", st == 400 and b"R7k2Lq9Xw4Tz8Vb3" not in b, f"status {st} {b[:250]!r}")
    # alert and import times out of range
    for tv in ("+10000-01-01T00:00:00Z", "9999-12-31T23:30:00-05:00"):
        am = {"version": "4", "groupKey": "{}:{t=\"%s\"}" % (RUN + tv), "status": "firing", "receiver": "r", "groupLabels": {}, "commonLabels": {},
              "commonAnnotations": {}, "externalURL": "http://am", "alerts": [{"status": "firing", "labels": {"alertname": "T"}, "annotations": {},
              "startsAt": tv, "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "", "fingerprint": "t" + RUN + tv[:3]}]}
        st, h, b = req("POST", "/api/v1/ingest/alertmanager/prod", json.dumps(am), auth=False, headers=[("Authorization", "Bearer probe-am-secret-0123456789")])
        record(f"strict/time alertmanager startsAt={tv}", st == 422 and b"startsAt" in b, f"status {st} {b[:250]!r}")
    if slow:
        # slow body: 10 bytes per second for 25 s of a 5 KB body
        t0 = time.time()
        s = socket.create_connection((HOST, PORT), timeout=60)
        s.sendall(f"POST /api/v1/hotfixes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n".encode())
        data = b""
        s.settimeout(1)
        for i in range(40):
            try:
                s.sendall(b"          ")
            except Exception:
                break
            try:
                c = s.recv(65536)
                if c:
                    data += c
                    if b"\r\n\r\n" in data:
                        break
            except socket.timeout:
                pass
            except Exception:
                break
        s.settimeout(10)
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                data += c
        except Exception:
            pass
        s.close()
        st, h, b = parse_resp(data)
        record("strict/slow body -> 408", st == 408, f"status {st} after {time.time()-t0:.1f}s {data[:200]!r}")
        # abandoned body
        s = socket.create_connection((HOST, PORT), timeout=60)
        s.sendall(f"POST /api/v1/hotfixes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n{{\"title\":".encode())
        s.shutdown(socket.SHUT_WR)
        data = b""
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                data += c
        except Exception:
            pass
        st, h, b = parse_resp(data)
        record("strict/abandoned body (half-close) -> 408/400", st in (400, 408) or st == 0, f"status {st} {data[:200]!r}")


if __name__ == "__main__":
    only = None
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1]
    st, h, b = req("GET", "/api/v1/hotfixes?limit=1")
    if st != 200:
        print(f"cannot reach {BASE} with token: {st} {b[:200]!r}")
        sys.exit(2)
    if only in (None, "redact"):
        redaction_probes()
    if only in (None, "inputs"):
        other_inputs()
    if only in (None, "http"):
        http_probes(slow="--slow" in sys.argv)
    n_fail = sum(1 for r in results if not r[1])
    print(f"\n{len(results)} probes, {n_fail} FAIL")
