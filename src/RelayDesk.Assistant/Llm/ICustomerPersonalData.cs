namespace RelayDesk.Assistant.Llm;

/// <summary>
/// The personal data RelayDesk already holds about a customer (name, e-mail, phone, address, IBAN, card), so it can be
/// redacted even where no pattern would recognise it — a name, above all. Nothing here is ever sent to a model.
/// </summary>
public interface ICustomerPersonalData
{
    ValueTask<IReadOnlyList<KnownPersonalValue>> FindAsync(string customerId, CancellationToken cancellationToken);
}

/// <summary>What kind of personal data a value is: decides its placeholder (<c>[NAME_1]</c>, <c>[EMAIL_1]</c>, …).</summary>
public enum PersonalDataKind
{
    Name,
    Email,
    Phone,
    Address,
    Iban,
    Card,
}

/// <summary>One value to redact. Give names as the full name; its parts are redacted on their own too.</summary>
public sealed record KnownPersonalValue(PersonalDataKind Kind, string Value);

/// <summary>Knows nothing about customers: only the patterns redact.</summary>
public sealed class NoCustomerPersonalData : ICustomerPersonalData
{
    public ValueTask<IReadOnlyList<KnownPersonalValue>> FindAsync(string customerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<KnownPersonalValue>>([]);
}
