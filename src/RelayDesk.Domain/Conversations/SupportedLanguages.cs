namespace RelayDesk.Domain.Conversations;

/// <summary>The languages RelayDesk serves customers in. German first: the seed market is German-speaking.</summary>
public static class SupportedLanguages
{
    public const string German = "de";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [German, English];

    public static bool IsSupported(string? language) =>
        language is not null && All.Contains(language.Trim().ToLowerInvariant());

    /// <summary>Maps a supported tag (any case, or a region variant such as <c>de-AT</c>) to its two-letter code.</summary>
    public static string Normalize(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var code = language.Trim().ToLowerInvariant();
        if (code.Length > 2 && (code[2] == '-' || code[2] == '_'))
        {
            code = code[..2];
        }

        return IsSupported(code)
            ? code
            : throw new DomainException("language.unsupported", $"Language '{language}' is not supported; use 'de' or 'en'.");
    }
}
