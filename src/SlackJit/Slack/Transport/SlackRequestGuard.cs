using System.Buffers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Guards the Slack endpoints: size limit (413), raw body buffered and signature verified (401,
/// no detail), content type (415: a form, or JSON for the Events API), body parsed (400), <c>ssl_check</c> answered
/// (empty 200). Only a verified body reaches an endpoint (<see cref="SlackEndpoints"/>), handed over as a
/// <see cref="VerifiedBody"/>.
/// </summary>
internal sealed class SlackRequestGuard(
    SlackSignatureVerifier verifier,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackRequestGuard> logger)
{
    /// <summary>Slack's event bodies nest a few levels (a Home view inside an event); this bounds them and nothing more.</summary>
    private const int MaxJsonDepth = 64;

    /// <summary>
    /// Reads and checks the request's body: a form, or JSON when <paramref name="json"/> (the Events API). Either the
    /// verified body, or the answer to send instead (<see cref="VerifiedBody.Answer"/>).
    /// </summary>
    public async ValueTask<VerifiedBody> ReadAsync(HttpContext http, bool json)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        var limit = Math.Max(0, options.CurrentValue.MaxBodyBytes);

        if (request.ContentLength > limit)
        {
            SlackTransportLog.BodyTooLarge(logger, path, limit);
            return VerifiedBody.Refused(Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }
        var (buffer, length) = await ReadCappedAsync(request.Body, limit, request.ContentLength, http.RequestAborted);
        if (buffer is null)
        {
            SlackTransportLog.BodyTooLarge(logger, path, limit);
            return VerifiedBody.Refused(Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            var body = buffer.AsSpan(0, length);
            var check = verifier.Verify(
                Single(request.Headers[SlackSignatureVerifier.TimestampHeader]),
                Single(request.Headers[SlackSignatureVerifier.SignatureHeader]),
                body);
            if (check != SignatureCheck.Valid)
            {
                SlackTransportLog.SignatureRejected(logger, path, check);
                return VerifiedBody.Refused(Results.StatusCode(StatusCodes.Status401Unauthorized));
            }

            if (json)
            {
                if (!IsMediaType(request.ContentType, MediaTypeNames.Application.Json))
                {
                    SlackTransportLog.UnsupportedContentType(logger, path);
                    return VerifiedBody.Refused(Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
                }
                if (ParseJson(body) is not { } parsed)
                {
                    SlackTransportLog.BadRequest(logger, path, "body is not valid JSON");
                    return VerifiedBody.Refused(Results.Text("Bad JSON.", statusCode: StatusCodes.Status400BadRequest));
                }
                return VerifiedBody.OfJson(parsed);
            }

            if (!IsMediaType(request.ContentType, MediaTypeNames.Application.FormUrlEncoded))
            {
                SlackTransportLog.UnsupportedContentType(logger, path);
                return VerifiedBody.Refused(Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
            }
            var form = ParseForm(body);
            return form["ssl_check"] == "1" ? VerifiedBody.Refused(Results.Ok()) : VerifiedBody.OfForm(form);
        }
        catch (InvalidDataException)
        {
            // Only the reader's limits (field count, key or value length) throw; the text stays short.
            SlackTransportLog.BadRequest(logger, path, "form exceeds reader limits");
            return VerifiedBody.Refused(Results.Text("Bad form.", statusCode: StatusCodes.Status400BadRequest));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A verified body as a form. The bytes are decoded as UTF-8 (a byte order mark skipped, invalid bytes replaced),
    /// then read with ASP.NET Core's form reader and its limits.
    /// </summary>
    /// <exception cref="InvalidDataException">The form exceeds the reader's limits (field count, key or value length).</exception>
    public static FormCollection ParseForm(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body);
        using var reader = new FormReader(text);
        return new FormCollection(reader.ReadForm());
    }

    /// <summary>
    /// A verified body as JSON, copied out of the pooled buffer (the buffer goes back to the pool before the endpoint
    /// runs); null when it is not valid JSON (a byte order mark is skipped, depth is bounded as for interactions).
    /// </summary>
    public static JsonElement? ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(
                body.StartsWith(Encoding.UTF8.Preamble) ? body[Encoding.UTF8.Preamble.Length..] : body,
                new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into a buffer rented from the shared pool (the caller returns it);
    /// a null buffer when the body is longer (the rest is never read). Sized from Content-Length when there is one.
    /// </summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadCappedAsync(Stream body, int limit, long? declared, CancellationToken ct)
    {
        // One byte more than expected, so the end of the body is seen without growing.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, (declared ?? 4 * 1024) + 1));
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private static bool IsMediaType(string? contentType, string mediaType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
