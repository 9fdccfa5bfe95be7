namespace SlackJit.Playground.Page;

/// <summary>Serves the page (HTML, CSS, JavaScript embedded in the assembly: no front-end build).</summary>
internal static class PageEndpoints
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["/"] = "index.html",
        ["/app.css"] = "app.css",
        ["/app.js"] = "app.js",
        ["/blockkit.js"] = "blockkit.js",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var (route, file) in Files)
        {
            endpoints.MapGet(route, () =>
            {
                var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("page/" + file)
                    ?? throw new InvalidOperationException($"page/{file} is not embedded");
                var type = Path.GetExtension(file) switch
                {
                    ".css" => "text/css; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8",
                    _ => "text/html; charset=utf-8",
                };
                return Results.Stream(stream, type);
            });
        }
    }
}
