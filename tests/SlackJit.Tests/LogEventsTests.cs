using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SlackJit.Tests;

public sealed class LogEventsTests
{
    private static readonly Assembly App = typeof(LogEvents).Assembly;

    [Fact]
    public void LoggerMessages_EveryEventId_IsUsedOnce()
    {
        var ids = App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.True(ids.Count > 50, $"only {ids.Count} log messages found");
        var twice = ids.GroupBy(x => x.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method))}").ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void Table_EveryConstant_IsUniqueAndWithinItsAreasRange()
    {
        var constants = typeof(LogEvents).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => (Name: $"{area.Name}.{f.Name}", Value: (int)f.GetRawConstantValue()!)))
            .ToList();

        Assert.Empty(constants.GroupBy(c => c.Value).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(c => c.Name))));
        Assert.All(constants, c => Assert.InRange(c.Value, 2000, 5999));
    }
}
