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
        catch (Exception ex) when (StartupCheckFailure(ex) is { } failure)
        {
            await Console.Error.WriteLineAsync("SlackJit cannot start: " + failure.Message);
            return 1;
        }
    }

    // The host may wrap a failing hosted service's exception when several fail to start.
    private static StartupCheckException? StartupCheckFailure(Exception ex) => ex switch
    {
        StartupCheckException check => check,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.OfType<StartupCheckException>().FirstOrDefault(),
        _ => null,
    };
}
