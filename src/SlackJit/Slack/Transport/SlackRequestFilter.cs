using System.Net.Mime;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Guards the Slack endpoints: size limit (413), raw body buffered and signature verified (401,
/// no detail), form content type (415), form parsed (400), <c>ssl_check</c> answered (empty 200).
/// Only a verified form reaches the endpoint, through <see cref="SlackFormFeature"/>.
/// </summary>
internal sealed class SlackRequestFilter(
    SlackSignatureVerifier verifier,
    IOptionsMonitor<SlackOptions> options,
    ILogger<SlackRequestFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var path = request.Path.Value ?? "";
        var limit = Math.Max(0, options.CurrentValue.MaxBodyBytes);

        if (request.ContentLength > limit)
        {
            SlackTransportLog.BodyTooLarge(logger, path, limit);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var body = await ReadCappedAsync(request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            SlackTransportLog.BodyTooLarge(logger, path, limit);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(
            Single(request.Headers[SlackSignatureVerifier.TimestampHeader]),
            Single(request.Headers[SlackSignatureVerifier.SignatureHeader]),
            body);
        if (check != SignatureCheck.Valid)
        {
            SlackTransportLog.SignatureRejected(logger, path, check);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!IsForm(request.ContentType))
        {
            SlackTransportLog.UnsupportedContentType(logger, path);
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        FormCollection form;
        try
        {
            using var reader = new FormReader(new MemoryStream(body, writable: false));
            form = new FormCollection(await reader.ReadFormAsync(http.RequestAborted));
        }
        catch (InvalidDataException)
        {
            // Only the reader's limits (field count, key or value length) throw; the text stays short.
            SlackTransportLog.BadRequest(logger, path, "form exceeds reader limits");
            return Results.Text("Bad form.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (form["ssl_check"] == "1")
        {
            return Results.Ok();
        }

        http.Features.Set(new SlackFormFeature(form));
        return await next(context);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer (the rest is never read).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(16 * 1024, limit + 1)];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(MediaTypeNames.Application.FormUrlEncoded, StringComparison.OrdinalIgnoreCase);
}
