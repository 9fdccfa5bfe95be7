using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SlackJit.Access;

/// <summary>
/// Whether a grant's session policy fits the STS limit, remembered per catalog (the options instance, which does not
/// change while it is in use) and per entry and prefix: writing the policy to measure it is the costliest step of a
/// decision, and people ask for the same few prefixes again and again. Bounded: past <see cref="MaxEntries"/> it
/// starts over.
/// </summary>
internal static class PolicyFitCache
{
    private const int MaxEntries = 4096;

    private static readonly ConditionalWeakTable<AccessOptions, ConcurrentDictionary<(string Entry, string Prefix), int>> Catalogs = [];

    /// <summary>
    /// Null when the policy of <paramref name="prefix"/> under <paramref name="entry"/> fits; otherwise how many nested
    /// entries it excludes (what makes it too large).
    /// </summary>
    public static int? TooLarge(AccessOptions options, ResourceOptions entry, string prefix)
    {
        var fits = Catalogs.GetValue(options, _ => new ConcurrentDictionary<(string, string), int>());
        if (fits.TryGetValue((entry.Name, prefix), out var known))
        {
            return known < 0 ? null : known;
        }

        var scope = GrantScope.For(options.Resources, entry, prefix);
        var result = SessionPolicy.Fits(scope, entry.KmsKeyArn) ? -1 : scope.Excluded.Count;
        if (fits.Count >= MaxEntries)
        {
            fits.Clear();
        }
        fits[(entry.Name, prefix)] = result;
        return result < 0 ? null : result;
    }
}
