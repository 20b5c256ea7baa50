using System.Globalization;

namespace RelayDesk.Web.Infrastructure.RateLimiting;

/// <summary>What a customer reads when they are slowed down, in German and English.</summary>
internal static class RateLimitTexts
{
    public static string TooManyRequests(string language, int retryAfterSeconds) => language == "de"
        ? string.Create(CultureInfo.InvariantCulture, $"Zu viele Anfragen in kurzer Zeit – bitte versuchen Sie es in {retryAfterSeconds} Sekunden noch einmal.")
        : string.Create(CultureInfo.InvariantCulture, $"Too many requests in a short time – please try again in {retryAfterSeconds} seconds.");

    public static string SendingTooQuickly(string language) => language == "de"
        ? "Sie senden Nachrichten zu schnell – bitte warten Sie einen Moment."
        : "You are sending messages too quickly — please wait a moment.";
}
