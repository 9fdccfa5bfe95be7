using Microsoft.Extensions.Options;

namespace SlackJit.Access;

/// <summary>
/// The configuration binder drops a catalog entry whose value it cannot convert (say <c>MaxDuration: 4 hours</c>
/// or <c>BreakGlass: sometimes</c>) without a word, so an entry could vanish from the catalog at start-up. This
/// check binds each entry of <c>Access:Resources</c> on its own and names the key it could not read, and a key the
/// entry does not have (a misspelt <c>Aprovers</c>), so the app stops with one line instead of serving without it.
/// See docs/CONFIGURATION.md (Catalog).
/// </summary>
internal sealed class CatalogBindingValidator(IConfiguration configuration) : IValidateOptions<AccessOptions>
{
    private static readonly string ResourcesKey = $"{AccessOptions.SectionName}:{nameof(AccessOptions.Resources)}";

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        foreach (var entry in configuration.GetSection(ResourcesKey).GetChildren())
        {
            try
            {
                entry.Get<ResourceOptions>(binder => binder.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                failures.Add($"{entry.Path}: {Describe(e)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The binder's own message names the key and the type ("Failed to convert configuration value at
    // 'Access:Resources:0:BreakGlass' to type 'System.Boolean'."); the inner message says why, without the value.
    private static string Describe(InvalidOperationException e) =>
        e.InnerException is FormatException or OverflowException or ArgumentException
            ? $"{e.Message} Use a value of that type (a duration is hh:mm:ss, e.g. 04:00:00; a flag is true or false)."
            : e.Message;
}
