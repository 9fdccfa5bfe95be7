namespace SlackJit.Tests.EndToEnd;

/// <summary>Passes calls through until the host "crashes"; from then on no call returns, in either direction.</summary>
internal sealed class CrashingHttpHandler(CrashSwitch crash) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (crash.Crashed)
        {
            await CrashSwitch.Dead();
        }

        var fatal = crash.IsFatal(request);
        HttpResponseMessage response;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, crash.Dying);
            response = await base.SendAsync(request, linked.Token);
        }
        catch (Exception) when (crash.Crashed)
        {
            await CrashSwitch.Dead();
            throw;
        }

        if (fatal)
        {
            crash.Crash();
        }
        if (crash.Crashed)
        {
            // The answer arrived after the crash: nobody is left to read it.
            response.Dispose();
            await CrashSwitch.Dead();
        }
        return response;
    }
}
