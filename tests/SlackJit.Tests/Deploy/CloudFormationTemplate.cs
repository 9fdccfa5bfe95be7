using System.Text.Json.Nodes;
using SlackJit.Tests.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SlackJit.Tests.Deploy;

/// <summary>
/// A CloudFormation template under deploy/, JSON or YAML, as one JSON tree. YAML short tags become their long
/// form as CloudFormation reads them (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> →
/// <c>{"Fn::GetAtt": ["A", "B"]}</c>, <c>!Sub …</c> → <c>{"Fn::Sub": …}</c>), so tests read both formats alike.
/// </summary>
internal sealed class CloudFormationTemplate
{
    private CloudFormationTemplate(string relativePath, JsonObject root)
    {
        RelativePath = relativePath;
        Root = root;
    }

    /// <summary>The path from the repository root, with forward slashes, e.g. <c>deploy/dynamodb-table.json</c>.</summary>
    public string RelativePath { get; }

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]?.AsObject() ?? [];

    public JsonObject Parameters => Root["Parameters"]?.AsObject() ?? [];

    public JsonObject Conditions => Root["Conditions"]?.AsObject() ?? [];

    /// <summary>Every template under deploy/ (<c>.json</c>, <c>.yaml</c>, <c>.yml</c> holding <c>Resources</c>).</summary>
    public static IReadOnlyList<CloudFormationTemplate> All()
    {
        var root = RepositoryRoot.Find();
        return Directory.EnumerateFiles(Path.Combine(root, "deploy"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Load(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(t => t.Root.ContainsKey("Resources"))
            .OrderBy(t => t.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    public static CloudFormationTemplate Load(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), relativePath));
        JsonNode? root;
        if (relativePath.EndsWith(".json", StringComparison.Ordinal))
        {
            root = JsonNode.Parse(text);
        }
        else
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            root = Convert(yaml.Documents[0].RootNode);
        }
        return new CloudFormationTemplate(relativePath, root?.AsObject() ?? throw new InvalidOperationException($"{relativePath} is not an object."));
    }

    /// <summary>The resources of one type, by logical id.</summary>
    public IEnumerable<KeyValuePair<string, JsonObject>> ResourcesOfType(string type) =>
        Resources.Where(r => (string?)r.Value?["Type"] == type).Select(r => KeyValuePair.Create(r.Key, r.Value!.AsObject()));

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? plain = node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
        };
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal))
        {
            return plain;
        }
        var name = tag[1..];
        return name switch
        {
            "Ref" => new JsonObject { ["Ref"] = plain },
            "Condition" => new JsonObject { ["Condition"] = plain },
            // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
            "GetAtt" when plain is JsonValue v => new JsonObject
            {
                ["Fn::GetAtt"] = new JsonArray(v.ToString().Split('.', 2).Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            },
            _ => new JsonObject { ["Fn::" + name] = plain },
        };
    }

    // CloudFormation reads plain true/false as booleans and numbers as numbers; quoted scalars stay strings.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (value is "true" or "false")
            {
                return JsonValue.Create(value == "true");
            }
            if (long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
                number.ToString(System.Globalization.CultureInfo.InvariantCulture) == value)
            {
                return JsonValue.Create(number);
            }
        }
        return JsonValue.Create(value);
    }
}
