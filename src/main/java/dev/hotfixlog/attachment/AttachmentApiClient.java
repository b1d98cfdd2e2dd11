package dev.hotfixlog.attachment;

import dev.hotfixlog.web.ApiTransport;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** {@link AttachmentService} over a remote server's REST API (the CLI's {@code --server} mode). */
public final class AttachmentApiClient implements AttachmentService {
    private final ApiTransport transport;

    public AttachmentApiClient(String serverUrl, String token) {
        this.transport = new ApiTransport(serverUrl + "/api/v1", token);
    }

    @Override
    public List<Attachment> list(Owner owner, boolean withDeleted) {
        return AttachmentJson.readList(ApiTransport.object(transport.send(transport
                .request(owner.api() + (withDeleted ? "?deleted=true" : ""))
                .GET())));
    }

    @Override
    public Attachment add(Owner owner, Upload upload, String actor) {
        String boundary = "hotfix-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        ByteArrayOutputStream body = new ByteArrayOutputStream(upload.bytes().length + 1024);
        if (upload.note() != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"note\"\r\n\r\n");
            body.writeBytes(upload.note().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        // The name goes as UTF-8 with quotes and line ends escaped, as browsers send it (RFC 7578 §4.2).
        String name =
                upload.fileName().replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        part(
                body,
                boundary,
                "Content-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(upload.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        List<Attachment> made = AttachmentJson.readList(ApiTransport.object(transport.send(transport
                .request(owner.api())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())))));
        return made.get(0);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers) {
        body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Attachment get(long id) {
        return AttachmentJson.read(ApiTransport.object(
                transport.send(transport.request("/attachments/" + id).GET())));
    }

    @Override
    public StoredFile content(long id) {
        Attachment a = get(id);
        return new StoredFile(
                a,
                transport.sendForBytes(
                        transport.request("/attachments/" + id + "/content").GET()));
    }

    @Override
    public StoredFile contentOf(String sha256) {
        byte[] bytes = transport.sendForBytes(
                transport.request("/attachment-contents/" + sha256).GET());
        return new StoredFile(null, bytes);
    }

    @Override
    public Attachment delete(long id, String reason, String actor) {
        return AttachmentJson.read(ApiTransport.object(transport.send(transport
                .request("/attachments/" + id + "?reason="
                        + URLEncoder.encode(reason == null ? "" : reason, StandardCharsets.UTF_8))
                .DELETE())));
    }
}
