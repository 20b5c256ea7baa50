namespace RelayDesk.Domain.Conversations;

/// <summary>
/// A deliberately plain check of an e-mail address a customer typed: one <c>@</c>, something before it, a domain with
/// a dot and no empty labels, no spaces or control characters, at most 254 characters. Whether the mailbox exists only
/// the mail relay can tell.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>The trimmed address with its domain in lower case, or a <see cref="DomainException"/> saying what is wrong.</summary>
    public static string Normalize(string? address)
    {
        var email = address?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            throw new DomainException("email.missing", "An e-mail address is required.");
        }

        if (!IsValid(email))
        {
            throw new DomainException("email.invalid", "This is not a valid e-mail address.");
        }

        var at = email.LastIndexOf('@');
        return string.Concat(email.AsSpan(0, at + 1), email[(at + 1)..].ToLowerInvariant());
    }

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        if (email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\'))
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2;
    }
}
