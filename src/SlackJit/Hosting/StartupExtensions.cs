using Microsoft.Extensions.Options;

namespace SlackJit.Hosting;

internal static class StartupExtensions
{
    /// <summary>Runs the app; a configuration error prints one line per failure and exits with 1.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("SlackJit cannot start; fix these settings:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }
            return 1;
        }
    }
}
