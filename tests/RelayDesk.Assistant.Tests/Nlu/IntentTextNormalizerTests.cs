using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

public sealed class IntentTextNormalizerTests
{
    [Theory]
    [InlineData("Wann ist meine NÄCHSTE Rate fällig?", "wann ist meine nachste rate fallig")]
    [InlineData("Grüße aus Köln, Straße", "grusse aus koln strasse")]
    [InlineData("I paid 49,99 € on 12.03.", "i paid 0 0 € on 0 0")]
    [InlineData("What's up?! Don't   worry", "whats up dont worry")]
    [InlineData("café   crème", "cafe creme")]
    [InlineData("  ?!  ", "")]
    public void Normalize_folds_case_umlauts_digits_and_punctuation(string input, string expected)
        => Assert.Equal(expected, IntentTextNormalizer.Normalize(input));

    [Theory]
    [InlineData("naechste Rueckzahlung")]
    [InlineData("nachste Ruckzahlung")]
    [InlineData("NÄCHSTE RÜCKZAHLUNG")]
    public void Typed_umlaut_replacements_and_missing_umlauts_match_real_umlauts(string typed)
        => Assert.Equal(IntentTextNormalizer.Normalize("nächste Rückzahlung"), IntentTextNormalizer.Normalize(typed));
}
