using System.Text.RegularExpressions;

namespace RelayDesk.Assistant.Signals;

/// <summary>
/// Recognises a customer asking for a person, in German and English, in ordinary wording, with common typos and
/// shouting — and does not fire on sentences that merely mention people ("the delivery agent left my parcel").
/// A request needs either an unambiguous phrase or a request verb near a word for a person.
/// </summary>
public static partial class HumanRequestDetector
{
    /// <summary>Returns the words that showed the request, or null when the text does not ask for a person.</summary>
    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Trim().ToLowerInvariant();
        foreach (var pattern in Patterns)
        {
            var match = pattern.Match(normalized);
            if (match.Success)
            {
                return text.Trim().Substring(match.Index, match.Length);
            }
        }

        return null;
    }

    private static readonly Regex[] Patterns =
    [
        StandaloneRequest(),
        UnambiguousEnglish(),
        EnglishVerbThenPerson(),
        UnambiguousGerman(),
        GermanPersonThenVerb(),
        GermanVerbThenPerson(),
    ];

    // The whole message is just the word, perhaps with "please"/"bitte" and punctuation: "agent!!", "Mensch bitte".
    [GeneratedRegex(@"^\W*(please\s+|bitte\s+)?(a\s+)?(h[uo]+m[ae]n|hooman|person|agent|agnet|representative|operator|mensch|mitarbeiter(in)?|berater(in)?|kundenservice|kundendienst)(\s+please|\s+bitte|\s+now|\s+jetzt|\s+sofort)*\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneRequest();

    [GeneratedRegex(@"\b(real|actual|live|living|proper)\s+(h[uo]+m[ae]n|person|people|agent|someone|somebody)\b|\bh[uo]+m[ae]n\s+(being|agent|please|support)\b|\bstop\s+(the|this|being\s+a)?\s*bot\b|\b(not|no)\s+(a\s+|the\s+|more\s+)?(bot|robot|machine|ai)\b|\b(customer\s+(service|support|care)\s+(agent|rep|representative|team))\b|\bagent\s+please\b|\bhand\s+me\s+(over\s+)?to\s+(a\s+)?(person|human|agent)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnambiguousEnglish();

    [GeneratedRegex(@"\b(talk|speak|chat|connect|transfer|put|get|want|need|give|escalate|let)\b(\s+\w+){0,4}?\s+(to|with|me|a|an|the)?\s*(a\s+|an\s+|the\s+|some\s+)?(h[uo]+m[ae]n|person|people|someone|somebody|agent|agnet|representative|rep|operator|supervisor|manager|staff|employee)\b(?!\s+(pay|paid|left|deliver|ordered|bought))", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishVerbThenPerson();

    [GeneratedRegex(@"\b(echte[nrm]?|richtige[nrm]?|lebendige[nrm]?)\s+(mensch(en)?|person|mitarbeiter\w*|menschen)\b|\b(einen|einem|mit\s+einem)\s+menschen\b|\b(kein(en)?|nicht\s+mit\s+(dem|einem))\s+(bot|roboter|maschine|ki|chatbot)\b|\bbot\s+(aus|stopp|stop)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnambiguousGerman();

    [GeneratedRegex(@"\b(mensch(en)?|mitarbeiter(in|innen)?|mitarbieter|berater(in)?|sachbearbeiter(in)?|vorgesetzte[nm]?|kundenservice|kundendienst|jemande[mn]|jemand)\b(\s+\w+){0,4}?\s+(sprechen|reden|schreiben|verbinden|verbunden|durchstellen|bitte|haben)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GermanPersonThenVerb();

    [GeneratedRegex(@"\b(möchte|moechte|will|brauche|hätte\s+gern|haette\s+gern|verbinde|verbinden\s+sie|bitte)\b(\s+\w+){0,4}?\s+(einen?\s+|mit\s+einem\s+|mit\s+einer\s+|zu\s+einem\s+)?(mensch(en)?|mitarbeiter(in)?|berater(in)?|sachbearbeiter(in)?|vorgesetzte[nm]?|kundenservice|kundendienst)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GermanVerbThenPerson();
}
