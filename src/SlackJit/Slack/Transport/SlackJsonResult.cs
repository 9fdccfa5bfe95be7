namespace SlackJit.Slack.Transport;

/// <summary>A rendered answer as the 200 body: the UTF-8 JSON written straight to the response, nothing parsed or copied.</summary>
internal sealed class SlackJsonResult(byte[] utf8) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }
}
