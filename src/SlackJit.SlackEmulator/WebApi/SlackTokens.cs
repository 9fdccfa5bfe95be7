namespace SlackJit.SlackEmulator.WebApi;

/// <summary>The tokens the emulator accepts: the bot token for Web API calls, the app token for Socket Mode.</summary>
public sealed record SlackTokens(string BotToken, string AppToken)
{
    public const string DefaultBotToken = "xoxb-emulated-bot-token";
    public const string DefaultAppToken = "xapp-emulated-app-token";
}
