namespace SlackJit.Aws;

/// <summary>Deep links into the S3 console, per partition. Pure: no I/O, no secrets.</summary>
internal static class ConsoleLinks
{
    private const string CommercialConsoleHost = "console.aws.amazon.com";
    private const string CommercialS3ConsoleHost = "s3.console.aws.amazon.com";

    /// <summary>
    /// The S3 console page of a bucket, opened at <paramref name="prefix"/>. The commercial console
    /// serves S3 from its own host; GovCloud and China serve it under the console base
    /// (<c>Aws:ConsoleUrl</c>). Linking straight to the bucket works without <c>s3:ListAllMyBuckets</c>.
    /// </summary>
    /// <param name="consoleUrl">The console base, e.g. <c>https://console.aws.amazon.com/</c>.</param>
    /// <param name="region">The bucket's region when known; the console otherwise looks it up.</param>
    public static string S3Bucket(string consoleUrl, string bucket, string prefix, string? region = null)
    {
        var console = new Uri(consoleUrl, UriKind.Absolute);
        var host = console.Host.EndsWith(CommercialConsoleHost, StringComparison.OrdinalIgnoreCase)
            ? $"{console.Scheme}://{CommercialS3ConsoleHost}"
            : console.GetLeftPart(UriPartial.Authority) + console.AbsolutePath.TrimEnd('/');

        var query = new List<string>(2);
        if (!string.IsNullOrEmpty(region))
        {
            query.Add("region=" + Uri.EscapeDataString(region));
        }
        if (!string.IsNullOrEmpty(prefix))
        {
            query.Add("prefix=" + Uri.EscapeDataString(prefix));
        }
        var link = $"{host}/s3/buckets/{Uri.EscapeDataString(bucket)}";
        return query.Count == 0 ? link : link + "?" + string.Join('&', query);
    }
}
