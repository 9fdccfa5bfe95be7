namespace SlackJit.Hosting;

/// <summary>
/// <c>dotnet SlackJit.dll --healthcheck</c>: the container's HEALTHCHECK without curl (the runtime image has none).
/// Asks this container's own <c>/healthz</c> and exits 0 when it answers 200, else 1. The port is the one the app
/// listens on (<c>ASPNETCORE_HTTP_PORTS</c>, first entry; default 8080).
/// </summary>
internal static class HealthCheckCommand
{
    public const string Argument = "--healthcheck";
    public const int DefaultPort = 8080;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Argument;

    public static async Task<int> RunAsync(Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var ports = environment("ASPNETCORE_HTTP_PORTS") ?? "";
        var first = ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : DefaultPort;
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), cancellationToken);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"SlackJit health check: no answer from http://127.0.0.1:{port}/healthz");
            return 1;
        }
    }
}
