using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Web.Tests.Infrastructure;

public static class ModelReadiness
{
    /// <summary>Waits until the background warm-up has loaded the intent and language models (trained once per machine, then cached).</summary>
    public static async Task ModelsReadyAsync(this RelayDeskFactory factory)
    {
        var intents = factory.Services.GetRequiredService<EmbeddedIntentModel>();
        var languages = factory.Services.GetRequiredService<LanguageDetector>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!intents.IsReady || !languages.IsReady)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
