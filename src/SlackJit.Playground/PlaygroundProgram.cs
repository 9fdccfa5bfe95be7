using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SlackJit.Playground;

/// <summary><c>dotnet run --project src/SlackJit.Playground [--urls http://localhost:5000]</c>.</summary>
internal static class PlaygroundProgram
{
    public static async Task<int> Main(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        PlaygroundApp playground;
        try
        {
            playground = await PlaygroundApp.StartAsync(args);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("The playground cannot start; fix these settings:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }
            return 1;
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C) while SlackJit was still starting.
            return 0;
        }
        catch (IOException ex) when (ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("The playground cannot start: " + ex.Message + " (is another process on that port? try --urls http://localhost:5050)");
            return 1;
        }

        await using (playground)
        {
            Console.WriteLine($"SlackJit playground ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: open {playground.Root}");
            await playground.Web.WaitForShutdownAsync();
        }
        return 0;
    }
}
