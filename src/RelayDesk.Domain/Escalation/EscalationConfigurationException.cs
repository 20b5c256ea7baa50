namespace RelayDesk.Domain.Escalation;

/// <summary>The escalation rules are not usable; <see cref="Errors"/> says what to change, one line per problem.</summary>
public sealed class EscalationConfigurationException(IReadOnlyList<string> errors)
    : Exception("Escalation rules are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
