namespace SlackJit.Tests.Fakes.Aws;

/// <summary>What <see cref="FakeFederation"/> does instead of (or before) answering.</summary>
/// <param name="Status">HTTP status to answer with; 0 to answer normally after <paramref name="Delay"/>.</param>
/// <param name="Body">Body of a faulted answer, e.g. text that is not JSON.</param>
public sealed record FederationFault(int Status, TimeSpan Delay = default, string? Body = null)
{
    public static FederationFault ServerError { get; } = new(500);

    public static FederationFault Unavailable { get; } = new(503);

    public static FederationFault Slow(TimeSpan delay) => new(0, delay);

    /// <summary>200 with a body that is not the expected JSON.</summary>
    public static FederationFault Garbage { get; } = new(200, Body: "<html>not json</html>");
}
