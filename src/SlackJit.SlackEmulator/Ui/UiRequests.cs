namespace SlackJit.SlackEmulator.Ui;

/// <summary>A person acting on the page.</summary>
internal sealed record UiPerson(string As);

/// <summary>Text typed in a channel's composer: a slash command or a plain message.</summary>
internal sealed record UiCommand(string As, string Channel, string? Text);

/// <summary>A click on a message's button.</summary>
internal sealed record UiClick(string As, string Channel, string Ts, string ActionId, string? BlockId);

/// <summary>A modal submitted: block_id → entered text or chosen option value.</summary>
internal sealed record UiSubmit(string As, Dictionary<string, string>? Values);

/// <summary>A click on a button of the person's Home tab.</summary>
internal sealed record UiHomeClick(string As, string ActionId, string? BlockId);
