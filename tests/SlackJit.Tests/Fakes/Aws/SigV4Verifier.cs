using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>
/// Checks an AWS Signature Version 4 the way AWS does, written from the published algorithm (not with the SDK's
/// signer): canonical request → string to sign → HMAC-SHA256 signing key from the secret → signature. Returns the
/// IAM error code for a bad request, or null when the signature is good.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <param name="secrets">Secret key by access key id: the keys this fake AWS account knows.</param>
    public static (string Code, string Message)? Verify(
        HttpRequest request, byte[] body, IReadOnlyDictionary<string, string> secrets, string service, string region, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ("MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) ||
            !parts.TryGetValue("Signature", out var signature))
        {
            return ("IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature");
        }
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return ("IncompleteSignature", "Credential must be <key>/<date>/<region>/<service>/aws4_request");
        }
        var (keyId, date, scopeRegion, scopeService) = (scope[0], scope[1], scope[2], scope[3]);
        if (!secrets.TryGetValue(keyId, out var secret))
        {
            return ("InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (scopeService != service || scopeRegion != region)
        {
            return ("SignatureDoesNotMatch", $"Credential should be scoped to a valid region and service: {region}/{service}");
        }
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt) || amzDate[..8] != date)
        {
            return ("IncompleteSignature", "X-Amz-Date is missing or does not match the credential scope");
        }
        if ((now - signedAt).Duration() > MaxSkew)
        {
            return ("SignatureDoesNotMatch", "Signature expired: the request time is too far from the server's time");
        }
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return ("SignatureDoesNotMatch", "SignedHeaders must include host and x-amz-date");
        }
        var payloadHash = Hex(SHA256.HashData(body));
        var claimed = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (claimed.Length > 0 && claimed != payloadHash)
        {
            return ("SignatureDoesNotMatch", "The provided x-amz-content-sha256 header does not match the body");
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in names)
        {
            var value = name == "host" ? request.Host.Value ?? "" : string.Join(",", request.Headers[name].Select(v => v ?? ""));
            if (name == "content-type" && value.Length == 0)
            {
                value = request.ContentType ?? "";
            }
            canonicalHeaders.Append(name).Append(':').Append(CollapseSpaces(value!.Trim())).Append('\n');
        }
        var canonicalRequest = string.Join('\n',
            request.Method,
            CanonicalPath(request.Path.Value),
            CanonicalQuery(request.Query),
            canonicalHeaders.ToString(),
            signedHeaders,
            payloadHash);
        var stringToSign = string.Join('\n', Algorithm, amzDate, $"{date}/{region}/{service}/aws4_request", Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private static string CanonicalPath(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(IQueryCollection query) => string.Join('&', query
        .SelectMany(q => q.Value.Select(v => (Key: Uri.EscapeDataString(q.Key), Value: Uri.EscapeDataString(v ?? ""))))
        .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + p.Value));

    private static string CollapseSpaces(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
