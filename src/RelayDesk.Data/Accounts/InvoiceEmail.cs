using System.Globalization;
using System.Text;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Data.Accounts;

/// <summary>The invoice / payment-details e-mail, in the customer's language, and how addresses are shown masked.</summary>
public static class InvoiceEmail
{
    /// <summary>The account customers pay by bank transfer (demo values), with the purchase number as reference.</summary>
    public const string Iban = "DE89 3704 0044 0532 0130 00";

    public static OutboundEmail Compose(Customer customer, Purchase purchase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(purchase);
        var german = customer.Language == "de";
        var culture = CultureInfo.GetCultureInfo(german ? "de-DE" : "en-GB");
        var body = new StringBuilder();
        body.AppendLine(german ? $"Hallo {customer.Name}," : $"Hello {customer.Name},");
        body.AppendLine(german
            ? $"hier sind die Zahlungsdetails zu Ihrem Einkauf {purchase.Number} bei {purchase.MerchantName}:"
            : $"here are the payment details for your purchase {purchase.Number} at {purchase.MerchantName}:");
        foreach (var instalment in purchase.Instalments.Where(i => i.IsOpen).OrderBy(i => i.Due))
        {
            body.AppendLine(string.Create(culture, $"- {instalment.Due.ToString(german ? "dd.MM.yyyy" : "d MMM yyyy", culture)}: {instalment.Open.ToString("C", culture)}"));
        }

        body.AppendLine(string.Create(culture, $"IBAN {Iban}, {(german ? "Verwendungszweck" : "reference")} {purchase.Number}"));
        return new OutboundEmail
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customer.Id,
            To = customer.Email,
            Subject = german ? $"Ihre Rechnung {purchase.Number}" : $"Your invoice {purchase.Number}",
            Body = body.ToString(),
            PurchaseNumber = purchase.Number,
            QueuedAt = now,
        };
    }

    /// <summary><c>max.mustermann@example.de</c> → <c>m***@example.de</c>.</summary>
    public static string Mask(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
