using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>Interactive elements for actions and input blocks.</summary>
public static class Element
{
    /// <summary>
    /// A button. Text is truncated to 75; <paramref name="value"/> (≤2000) and <paramref name="url"/> (≤3000,
    /// http/https only) are ours and throw when invalid, because a cut value or link would be wrong.
    /// </summary>
    public static JsonObject Button(
        string actionId,
        string text,
        string? value = null,
        ButtonStyle style = ButtonStyle.Default,
        Uri? url = null,
        ConfirmDialog? confirm = null)
    {
        var json = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = Ids.Check(actionId, BlockLimits.Id, "action_id"),
            ["text"] = TextObject.Plain(text, BlockLimits.ButtonText),
        };
        if (value is not null)
        {
            json["value"] = Ids.Check(value, BlockLimits.ButtonValue, "button value");
        }
        if (url is not null)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("A button URL must be an absolute http(s) URL.", nameof(url));
            }
            json["url"] = Ids.Check(url.AbsoluteUri, BlockLimits.ButtonUrl, "button url");
        }
        if (style != ButtonStyle.Default)
        {
            json["style"] = StyleName(style);
        }
        if (confirm is not null)
        {
            json["confirm"] = confirm.ToJson();
        }
        return json;
    }

    /// <summary>A text box for modals.</summary>
    public static JsonObject PlainTextInput(
        string actionId,
        string? placeholder = null,
        bool multiline = false,
        string? initialValue = null,
        int? maxLength = null)
    {
        var json = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = Ids.Check(actionId, BlockLimits.Id, "action_id"),
            ["multiline"] = multiline,
        };
        if (placeholder is not null)
        {
            json["placeholder"] = TextObject.Plain(placeholder, BlockLimits.Placeholder);
        }
        if (initialValue is not null)
        {
            json["initial_value"] = Mrkdwn.TruncatePlain(Mrkdwn.Sanitize(initialValue), BlockLimits.InputInitialValue);
        }
        if (maxLength is { } length)
        {
            json["max_length"] = length;
        }
        return json;
    }

    /// <summary>A single-choice menu; more than 100 options is our bug and throws.</summary>
    public static JsonObject StaticSelect(
        string actionId,
        IEnumerable<SelectOption> options,
        string? placeholder = null,
        SelectOption? initialOption = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = options.ToList();
        if (list.Count is 0 or > BlockLimits.SelectOptions)
        {
            throw new ArgumentException(
                $"A static_select needs 1 to {BlockLimits.SelectOptions} options, not {list.Count}.", nameof(options));
        }

        var json = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = Ids.Check(actionId, BlockLimits.Id, "action_id"),
            ["options"] = new JsonArray([.. list.Select(o => (JsonNode)o.ToJson())]),
        };
        if (placeholder is not null)
        {
            json["placeholder"] = TextObject.Plain(placeholder, BlockLimits.Placeholder);
        }
        if (initialOption is not null)
        {
            json["initial_option"] = initialOption.ToJson();
        }
        return json;
    }

    /// <summary>Checkboxes (1 to 10 options); the state of a submitted view lists the ticked ones.</summary>
    public static JsonObject Checkboxes(string actionId, IEnumerable<SelectOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var list = options.ToList();
        if (list.Count is 0 or > BlockLimits.Checkboxes)
        {
            throw new ArgumentException($"Checkboxes need 1 to {BlockLimits.Checkboxes} options, not {list.Count}.", nameof(options));
        }

        return new JsonObject
        {
            ["type"] = "checkboxes",
            ["action_id"] = Ids.Check(actionId, BlockLimits.Id, "action_id"),
            ["options"] = new JsonArray([.. list.Select(o => (JsonNode)o.ToJson())]),
        };
    }

    internal static string StyleName(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => "primary",
        ButtonStyle.Danger => "danger",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "The default style has no name."),
    };
}
