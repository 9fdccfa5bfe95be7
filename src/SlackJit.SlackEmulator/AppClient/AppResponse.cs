namespace SlackJit.SlackEmulator.AppClient;

/// <summary>How the app answered one signed request: HTTP status (0 when it did not answer in 3 s) and body.</summary>
public sealed record AppResponse(int Status, string Body)
{
    public bool TimedOut => Status == 0;
}
