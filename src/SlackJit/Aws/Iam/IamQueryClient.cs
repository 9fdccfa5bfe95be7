using System.Diagnostics;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SlackJit.Telemetry;

namespace SlackJit.Aws.Iam;

/// <summary>
/// IAM's Query API for a role's inline policies, signed with SigV4 by AWSSDK.Core's public signer (the IAM SDK
/// package is not used). Throttling, 5xx and network failures are retried with back-off; IAM's XML errors become
/// <see cref="IamException"/>, and <c>NoSuchEntity</c> means "no such policy" where the caller asked for that.
/// </summary>
/// <remarks>The request carries the session token, so its HttpClient is registered without request logging.</remarks>
internal sealed class IamQueryClient : IIamRolePolicies
{
    public const string HttpClientName = "SlackJit.Aws.Iam";
    public const string ApiVersion = "2010-05-08";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    public const int MaxRetries = 3;
    private const int MaxDetailLength = 200;
    private static readonly HashSet<string> Throttles = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "RequestLimitExceeded", "ServiceUnavailable", "RequestThrottled",
    };

    private readonly IHttpClientFactory _http;
    private readonly IamClientSettings _settings;
    private readonly ILogger<IamQueryClient> _logger;
    private readonly ResiliencePipeline<IamReply> _pipeline;

    public IamQueryClient(IHttpClientFactory http, IamClientSettings settings, IOptionsMonitor<AwsOptions> options, ILogger<IamQueryClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _settings = settings;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<IamReply> { TimeProvider = TimeProvider.System }
            .AddRetry(new RetryStrategyOptions<IamReply>
            {
                MaxRetryAttempts = MaxRetries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } reply } => reply.IsTransient,
                    _ => false,
                }),
                OnRetry = args =>
                {
                    var code = args.Outcome.Result?.Code ?? args.Outcome.Exception?.GetType().Name ?? "error";
                    IamLog.Retrying(_logger, args.Context.OperationKey ?? "call", code, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.CurrentValue.CallTimeout)
            .Build();
    }

    public async Task<string?> GetAsync(RoleArn role, string policyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var reply = await CallAsync("GetRolePolicy", role, [new("PolicyName", policyName)], cancellationToken);
        if (reply.Code == "NoSuchEntity")
        {
            return null;
        }
        var document = Xml(reply).Descendants().FirstOrDefault(e => e.Name.LocalName == "PolicyDocument")?.Value;
        // IAM returns the document URL-encoded (RFC 3986).
        return document is null ? null : Uri.UnescapeDataString(document);
    }

    public async Task PutAsync(RoleArn role, string policyName, string document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var reply = await CallAsync("PutRolePolicy", role, [new("PolicyName", policyName), new("PolicyDocument", document)], cancellationToken);
        ThrowIfFailed("PutRolePolicy", reply);
    }

    public async Task DeleteAsync(RoleArn role, string policyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var reply = await CallAsync("DeleteRolePolicy", role, [new("PolicyName", policyName)], cancellationToken);
        if (reply.Code != "NoSuchEntity")
        {
            ThrowIfFailed("DeleteRolePolicy", reply);
        }
    }

    private async Task<IamReply> CallAsync(string action, RoleArn role, KeyValuePair<string, string>[] parameters, CancellationToken cancellationToken)
    {
        var endpoint = _settings.Endpoint(role.Partition);
        KeyValuePair<string, string>[] all = [new("Action", action), new("Version", ApiVersion), new("RoleName", role.Name), .. parameters];
        var body = Encoding.UTF8.GetBytes(string.Join('&', all.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        using var span = SlackJitTelemetry.StartStepSpan("aws.iam." + action, ActivityKind.Client);
        span?.SetTag("aws.iam.role", role.Name);
        var context = ResilienceContextPool.Shared.Get(action, cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) => Outcome.FromResult(await state.Self.SendOnceAsync(state.Endpoint, state.Body, ctx.CancellationToken)),
                context, (Self: this, Endpoint: endpoint, Body: body));
            cancellationToken.ThrowIfCancellationRequested();
            if (outcome.Exception is { } ex)
            {
                span.Fail(ex is TimeoutRejectedException or OperationCanceledException ? "Timeout" : ex.GetType().Name);
                throw ex switch
                {
                    TimeoutRejectedException or OperationCanceledException => new IamException(action, "Timeout", 0, "no answer in time", transient: true, ex),
                    HttpRequestException => new IamException(action, "NetworkError", 0, "IAM could not be reached", transient: true, ex),
                    AmazonClientException client => new IamException(action, "ClientError", 0, Clip(client.Message.Split('\n')[0]), transient: false, ex),
                    _ => ex,
                };
            }
            var reply = outcome.Result!;
            IamLog.Called(_logger, action, role.Name, reply.Status);
            span?.SetTag("http.response.status_code", (int)reply.Status);
            ThrowIfFailed(action, reply, allowMissing: true);
            return reply;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<IamReply> SendOnceAsync(IamEndpoint endpoint, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _settings.Credentials(cancellationToken);
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint.Url, Content = body };
        signing.Headers["Content-Type"] = ContentType;
        // Signed afresh on every attempt: X-Amz-Date is part of the signature.
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = endpoint.SigningRegion,
            Service = "iam",
            SignPayload = true,
        }, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        foreach (var (name, value) in signed.Headers)
        {
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return IamReply.From((int)response.StatusCode, text, Throttles);
    }

    private static void ThrowIfFailed(string action, IamReply reply, bool allowMissing = false)
    {
        if (reply.Status is >= 200 and < 300 || (allowMissing && reply.Code == "NoSuchEntity"))
        {
            return;
        }
        throw new IamException(action, reply.Code ?? "UnknownError", reply.Status, Clip(reply.Message ?? ""), reply.IsTransient);
    }

    private static XDocument Xml(IamReply reply)
    {
        try
        {
            return XDocument.Parse(reply.Body);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new IamException("GetRolePolicy", "MalformedResponse", reply.Status, "the answer was not XML", transient: true, ex);
        }
    }

    private static string Clip(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";

    /// <summary>One HTTP answer: status, body, and IAM's error code and message when it is an error.</summary>
    private sealed record IamReply(int Status, string Body, string? Code, string? Message, bool IsTransient)
    {
        public static IamReply From(int status, string body, HashSet<string> throttles)
        {
            if (status is >= 200 and < 300)
            {
                return new IamReply(status, body, null, null, false);
            }
            string? code = null, message = null;
            try
            {
                // <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
                var error = XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            }
            catch (System.Xml.XmlException)
            {
                // A proxy's HTML page or an empty body: the status says enough.
            }
            code ??= ((HttpStatusCode)status).ToString();
            return new IamReply(status, body, code, message, status >= 500 || throttles.Contains(code));
        }
    }
}
