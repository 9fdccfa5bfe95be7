using Microsoft.Extensions.Options;

namespace SlackJit.Hosting;

internal static class StartupExtensions
{
    /// <summary>
    /// Validates every options section before the host starts, so a bad setting prints one line per
    /// failure (no stack trace from the host's own start-up logging) and exits with 1. A failed start-up
    /// check (e.g. Slack rejected the bot token) is printed the same way.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (SettingFailures(ex) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync("SlackJit cannot start; fix these settings:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }
            return 1;
        }
    }

    // The options validator throws an AggregateException when several sections fail, and the host
    // wraps failing hosted services the same way: unwrap both so every failure is listed once.
    private static List<string> SettingFailures(Exception ex)
    {
        var all = ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions.ToList() : [ex];
        if (!all.All(e => e is OptionsValidationException or StartupCheckException || IsBindingFailure(e)))
        {
            return [];
        }
        return all.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).Distinct().ToList();
    }

    // The configuration binder throws this for a value of the wrong type (e.g. Store:Provider=Foo);
    // its message names the key and the value, which is what the operator needs.
    private static bool IsBindingFailure(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
}
