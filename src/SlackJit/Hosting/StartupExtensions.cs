using Microsoft.Extensions.Options;

namespace SlackJit.Hosting;

internal static class StartupExtensions
{
    /// <summary>
    /// Validates every options section before the host starts, so a bad setting prints one line per
    /// failure (no stack trace from the host's own start-up logging) and exits with 1.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await WriteFailuresAsync(ex.Failures);
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections failed at once: list them all, so one run tells everything to set.
            await WriteFailuresAsync(ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
            return 1;
        }
        catch (StartupCheckException ex)
        {
            await WriteFailuresAsync([ex.Message]);
            return 1;
        }
    }

    private static async Task WriteFailuresAsync(IEnumerable<string> failures)
    {
        await Console.Error.WriteLineAsync("SlackJit cannot start; fix these settings:");
        foreach (var failure in failures.Distinct())
        {
            await Console.Error.WriteLineAsync("  - " + failure);
        }
    }
}
