using System.Globalization;

namespace RelayDesk.Web.Features.Routing;

/// <summary>What customers read from routing, in German and English. Times are shown in the time zone of the team that serves the customer.</summary>
internal static class RoutingTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Told at once when a person is asked for out of hours: when people are back, and the three ways not to wait in the
    /// chat — a callback, keeping the place with a reply here, or keeping it with the reply by e-mail (or, when the
    /// customer already chose e-mail, that it stands).
    /// </summary>
    public static string OutOfHours(string language, DateTimeOffset? backAt, TimeZoneInfo zone, bool emailReplyChosen = false)
    {
        var german = language == "de";
        var away = (german, backAt) switch
        {
            (true, { } at) => $"Unser Team ist gerade nicht da und ab {Format(language, at, zone)} wieder für Sie erreichbar. Sie müssen nicht warten: ",
            (true, null) => "Unser Team ist gerade nicht da. Sie müssen nicht warten: ",
            (false, { } at) => $"Our team is away right now and back {Format(language, at, zone)}. You don't have to wait: ",
            _ => "Our team is away right now. You don't have to wait: ",
        };
        var choices = (german, emailReplyChosen) switch
        {
            (true, false) => "Wählen Sie unten einen Rückruftermin, oder behalten Sie Ihren Platz – wir antworten hier, oder auf Wunsch per E-Mail, dann müssen Sie nicht im Chat bleiben.",
            (true, true) => "Wählen Sie unten einen Rückruftermin, oder behalten Sie Ihren Platz – wir antworten hier und schicken Ihnen unsere Antwort per E-Mail, solange Sie nicht im Chat sind.",
            (false, false) => "pick a callback time below, or keep your place – we'll reply here, or by e-mail if you prefer, so you don't need to stay in the chat.",
            _ => "pick a callback time below, or keep your place – we'll reply here and e-mail our reply to you while you're away from the chat.",
        };
        return away + choices;
    }

    public static string CallbackBooked(string language, DateTimeOffset slot, TimeZoneInfo zone) => language == "de"
        ? $"Gebucht: Wir melden uns {Format(language, slot, zone)} bei Ihnen."
        : $"Booked: a person will get back to you {Format(language, slot, zone)}.";

    public static string AgentLeft(string language) => language == "de"
        ? "Ihre Ansprechperson musste das Gespräch abgeben. Wir verbinden Sie mit der nächsten freien Person – Ihr Platz bleibt vorn."
        : "The person helping you had to step away. We're connecting you with the next free person – you keep your place at the front.";

    public static string TransferredTo(string language, string agentName) => language == "de"
        ? $"{agentName} übernimmt jetzt Ihr Anliegen."
        : $"{agentName} is taking over your conversation now.";

    public static string HandedToTeam(string language, string teamName) => language == "de"
        ? $"Wir geben Ihr Anliegen an unser Team „{teamName}“ weiter. Ihr Platz in der Warteschlange bleibt erhalten."
        : $"We're passing your conversation to our {teamName} team. You keep your place in the queue.";

    private static string Format(string language, DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var berlin = zone.Id == "Europe/Berlin";
        return language == "de"
            ? $"am {local.ToString("dddd, d. MMMM, 'um' HH:mm", German)} Uhr ({(berlin ? "Berliner Zeit" : $"Zeitzone {zone.Id}")})"
            : $"on {local.ToString("dddd d MMMM 'at' HH:mm", English)} ({(berlin ? "Berlin time" : $"{zone.Id} time")})";
    }
}
