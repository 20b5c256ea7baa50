using Microsoft.Extensions.Options;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>
/// Trains (first start) or loads the intent and language models in the background, so the app serves at once; until it is ready the
/// assistant answers from the help articles alone.
/// </summary>
internal sealed partial class IntentModelWarmup(EmbeddedIntentModel model, LanguageDetector languages, IOptions<AssistantOptions> options, IHostEnvironment environment, ILogger<IntentModelWarmup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var folder = Path.GetFullPath(options.Value.ModelCacheDirectory, environment.ContentRootPath);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            model.Load(folder);
            languages.Load(folder);
            LogReady(logger, TimeProvider.System.GetElapsedTime(started).TotalSeconds, folder);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            LogFailed(logger, exception);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intent and language models ready in {Seconds:F1} s (cache {Folder})")]
    private static partial void LogReady(ILogger logger, double seconds, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Intent model could not be loaded; the assistant answers from help articles only")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
