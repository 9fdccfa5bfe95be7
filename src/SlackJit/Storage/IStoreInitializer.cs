namespace SlackJit.Storage;

/// <summary>Prepares an adapter's schema or table; safe to call more than once.</summary>
internal interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
