namespace SlackJit.Aws;

/// <summary>A console sign-in link, or why none could be made. The link is a secret (valid 15 minutes).</summary>
internal sealed record SigninLink(string? Url, string? Error)
{
    public static SigninLink Made(string url) => new(url, null);

    public static SigninLink Failed(string reason) => new(null, "the console link could not be made: " + reason);

    public override string ToString() => Url is null ? $"SigninLink {{ Error = {Error} }}" : "SigninLink { Url = *** }";
}
