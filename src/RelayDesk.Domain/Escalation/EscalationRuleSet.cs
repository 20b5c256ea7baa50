using System.Text.Json;
using System.Text.Json.Serialization;
using RelayDesk.Domain.Escalation.Triggers;

namespace RelayDesk.Domain.Escalation;

/// <summary>
/// The configured, validated escalation rules, in order. For a turn, the first enabled rule that fires decides;
/// topics come before the explicit request in the shipped order so that "I lost my job, I need a person" reaches a
/// hardship specialist. A request for a person escalates whatever the order: the explicit-request rule cannot be
/// disabled, and the button bypasses the rules altogether.
/// </summary>
public sealed class EscalationRuleSet
{
    public const string ButtonRuleId = "button";
    public const string TurnFailureRuleId = "turn-failure";
    private const string DefaultRulesResource = "RelayDesk.Domain.Escalation.default-rules.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly IReadOnlyList<EscalationTrigger> _triggers;
    private readonly FrustrationTrigger? _frustration;

    private EscalationRuleSet(IReadOnlyList<EscalationTrigger> triggers)
    {
        _triggers = triggers;
        _frustration = triggers.OfType<FrustrationTrigger>().FirstOrDefault(t => t.Enabled);
    }

    /// <summary>The rule ids in the order they are checked, with whether each is enabled.</summary>
    public IReadOnlyList<(string Id, EscalationRuleKind Kind, bool Enabled)> Rules =>
        [.. _triggers.Select(t => (t.Id, t.Kind, t.Enabled))];

    /// <summary>The rules RelayDesk ships with.</summary>
    public static EscalationRuleSet Default { get; } = FromJson(ReadDefaultJson());

    public static string ReadDefaultJson()
    {
        using var stream = typeof(EscalationRuleSet).Assembly.GetManifestResourceStream(DefaultRulesResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultRulesResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a rules file (<c>{ "rules": [ … ] }</c>) and validates it.</summary>
    public static EscalationRuleSet FromJson(string json)
    {
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new EscalationConfigurationException([$"The rules file is not valid JSON: {exception.Message}"]);
        }

        return Create(file?.Rules ?? []);
    }

    /// <summary>Validates and compiles rules; every problem is reported at once, with the rule it belongs to.</summary>
    public static EscalationRuleSet Create(IReadOnlyList<EscalationRuleDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var errors = new List<string>();
        var triggers = new List<EscalationTrigger>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            if (string.IsNullOrWhiteSpace(definition.Id))
            {
                errors.Add($"Rule #{i + 1} has no id.");
                continue;
            }

            if (!seen.Add(definition.Id))
            {
                errors.Add($"Rule id '{definition.Id}' is used twice.");
            }

            if (definition.Id is ButtonRuleId or TurnFailureRuleId)
            {
                errors.Add($"Rule id '{definition.Id}' is reserved.");
            }

            if (string.IsNullOrWhiteSpace(definition.Reason))
            {
                errors.Add($"Rule '{definition.Id}' needs a reason for the agent to read.");
            }

            var trigger = Compile(definition, errors);
            if (trigger is not null)
            {
                triggers.Add(trigger);
            }
        }

        var explicitRequests = triggers.Where(t => t.Kind == EscalationRuleKind.ExplicitRequest).ToList();
        if (explicitRequests.Count == 0)
        {
            errors.Add("An explicit-request rule is required: a customer can always ask for a person.");
        }
        else if (explicitRequests.Any(t => !t.Enabled))
        {
            errors.Add("The explicit-request rule cannot be disabled: a request for a person is always honoured.");
        }

        return errors.Count > 0 ? throw new EscalationConfigurationException(errors) : new EscalationRuleSet(triggers);
    }

    /// <summary>Checks the enabled rules in order; the first that fires decides.</summary>
    public EscalationDecision Decide(EscalationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var folded = TextNormalizer.Fold(input.Text);
        foreach (var trigger in _triggers)
        {
            if (!trigger.Enabled)
            {
                continue;
            }

            if (trigger.Evaluate(input, folded) is { } hit)
            {
                return trigger.Decision(hit.Evidence, hit.Confidence);
            }
        }

        return EscalationDecision.Stay;
    }

    /// <summary>Whether a message sounds negative (kept across turns for the frustration trend).</summary>
    public bool SoundsNegative(string text) =>
        _frustration is not null && _frustration.SoundsNegative(text, TextNormalizer.Fold(text));

    private static EscalationTrigger? Compile(EscalationRuleDefinition definition, List<string> errors)
    {
        var id = definition.Id;
        var patterns = PatternSet.Compile(id, "patterns", definition.Patterns, errors);
        var exclusions = PatternSet.Compile(id, "exclusions", definition.Exclusions, errors);
        switch (definition.Kind)
        {
            case EscalationRuleKind.ExplicitRequest or EscalationRuleKind.Topic:
                if (patterns.IsEmpty)
                {
                    errors.Add($"Rule '{id}' ({definition.Kind}) needs at least one pattern.");
                }

                if (definition.Kind == EscalationRuleKind.Topic && definition.Skills.Count == 0)
                {
                    errors.Add($"Rule '{id}' is a never-AI topic and needs the skills of the person who takes over.");
                }

                return new PatternTrigger(definition, patterns, exclusions);
            case EscalationRuleKind.Frustration:
                var strong = PatternSet.Compile(id, "strongPatterns", definition.StrongPatterns, errors);
                RequirePositive(definition.Threshold, id, "threshold", errors);
                RequirePositive(definition.Count, id, "count", errors);
                return new FrustrationTrigger(definition, patterns, strong, exclusions);
            case EscalationRuleKind.AssistantFailure:
                RequirePositive(definition.Count, id, "count", errors);
                RequirePositive(definition.LoopCount, id, "loopCount", errors);
                return new AssistantFailureTrigger(definition);
            case EscalationRuleKind.Amount:
                RequirePositive(definition.Threshold, id, "threshold", errors);
                return new AmountTrigger(definition);
            case EscalationRuleKind.CustomerFlag:
                if (definition.Flags.Count == 0)
                {
                    errors.Add($"Rule '{id}' needs the customer flags it reacts to.");
                }

                return new CustomerFlagTrigger(definition);
            case EscalationRuleKind.ContestedRefusal:
                if (patterns.IsEmpty)
                {
                    errors.Add($"Rule '{id}' needs patterns that show the customer contests the refusal.");
                }

                return new ContestedRefusalTrigger(definition, patterns);
            default:
                errors.Add($"Rule '{id}' has an unknown kind '{definition.Kind}'.");
                return null;
        }
    }

    private static void RequirePositive(double? value, string id, string field, List<string> errors)
    {
        if (value is <= 0)
        {
            errors.Add($"Rule '{id}': {field} must be greater than zero.");
        }
    }

    private sealed class RulesFile
    {
        public List<EscalationRuleDefinition> Rules { get; set; } = [];
    }
}
