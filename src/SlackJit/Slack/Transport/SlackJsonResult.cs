namespace SlackJit.Slack.Transport;

/// <summary>A rendered answer as the 200 body: the JSON written straight to the response as UTF-8, nothing parsed or copied.</summary>
internal sealed class SlackJsonResult(string json) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(json);
        return response.WriteAsync(json, httpContext.RequestAborted);
    }
}
