using Microsoft.Extensions.Options;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Web.Features.Escalation;

public static class EscalationModule
{
    /// <summary>Loads and validates the escalation rules once, at start.</summary>
    public static IServiceCollection AddEscalation(this IServiceCollection services)
    {
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EscalationOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.RulesFile))
            {
                return EscalationRuleSet.Default;
            }

            var path = Path.GetFullPath(options.RulesFile, provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return File.Exists(path)
                ? EscalationRuleSet.FromJson(File.ReadAllText(path))
                : throw new EscalationConfigurationException([$"Escalation:RulesFile '{path}' does not exist."]);
        });
        services.AddHostedService<EscalationRulesCheck>();
        return services;
    }

    /// <summary>
    /// Takes the rule set as a dependency, so it is built (and validated) while the app starts and bad rules stop the
    /// app before it serves anyone.
    /// </summary>
    private sealed class EscalationRulesCheck(EscalationRuleSet rules) : IHostedService
    {
        public EscalationRuleSet Rules { get; } = rules;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
