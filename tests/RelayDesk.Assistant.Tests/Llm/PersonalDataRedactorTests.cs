using RelayDesk.Assistant.Llm;

namespace RelayDesk.Assistant.Tests.Llm;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("my iban is DE89 3704 0044 0532 0130 00 thanks", "my iban is [IBAN_1] thanks")]
    [InlineData("IBAN: DE89370400440532013000.", "IBAN: [IBAN_1].")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "[IBAN_1]")]
    [InlineData("card 4111 1111 1111 1111 please", "card [CARD_1] please")]
    [InlineData("Karte 5500-0000-0000-0004", "Karte [CARD_1]")]
    [InlineData("mail me: Jane.Doe+bnpl@example.co.uk!", "mail me: [EMAIL_1]!")]
    [InlineData("ruf an: 0170 1234567", "ruf an: [PHONE_1]")]
    [InlineData("Tel. 030/12345678", "Tel. [PHONE_1]")]
    [InlineData("call +49 (0)170 123 45 67", "call [PHONE_1]")]
    [InlineData("call +44 20 7946 0958", "call [PHONE_1]")]
    [InlineData("(555) 123-4567", "[PHONE_1]")]
    [InlineData("Ich wohne in der Hauptstraße 5a, 10115 Berlin.", "Ich wohne in der [ADDRESS_1].")]
    [InlineData("neue Adresse: Berliner Str. 12", "neue Adresse: [ADDRESS_1]")]
    [InlineData("I moved to 221 Baker Street last week", "I moved to [ADDRESS_1] last week")]
    public void RecognisablePersonalData_IsReplacedByAPlaceholder(string text, string expected)
    {
        var redactor = new PersonalDataRedactor([]);

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")] // fails Luhn
    [InlineData("I paid 1234.56 EUR on 01.12.2026 for order 2026-12-01")]
    [InlineData("Betrag 49,90 €, fällig am 15.01.2027, Rate 3 von 6")]
    [InlineData("order number 123456789")]
    public void NumbersThatAreNotPersonalData_Survive(string text)
    {
        var redactor = new PersonalDataRedactor([]);

        Assert.Equal(text, redactor.Redact(text));
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("DE89 3704 0044 0532 0130 02", false)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("GB82WEST12345698765433", false)]
    public void AnIban_CountsOnlyWithAValidChecksum(string candidate, bool valid)
    {
        Assert.Equal(valid, PersonalDataPatterns.IsValidIban(candidate));
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("378282246310005", true)]
    [InlineData("1234", false)]
    public void ACardNumber_CountsOnlyWhenItPassesLuhn(string candidate, bool valid)
    {
        Assert.Equal(valid, PersonalDataPatterns.IsValidCardNumber(candidate));
    }

    [Fact]
    public void TheCustomersKnownValues_AreRedacted_EvenWithoutAPattern()
    {
        var redactor = new PersonalDataRedactor([
            new(PersonalDataKind.Name, "Jana Müller"),
            new(PersonalDataKind.Address, "Lindenallee 7, 50667 Köln"),
            new(PersonalDataKind.Phone, "+49 171 9876543"),
        ]);

        var redacted = redactor.Redact("Hallo, hier ist jana müller aus der Lindenallee 7. Frau Müller erreichen Sie unter 0171-9876543.");

        Assert.DoesNotContain("Müller", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jana", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Lindenallee", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543", redacted, StringComparison.Ordinal);
        Assert.Equal("Hallo, hier ist [NAME_1] aus der [ADDRESS_1]. Frau [NAME_2] erreichen Sie unter [PHONE_1].", redacted);
    }

    [Fact]
    public void TheSameValue_GetsTheSamePlaceholder_AcrossTexts_AndFormats()
    {
        var redactor = new PersonalDataRedactor([]);

        var first = redactor.Redact("a@example.com and +49 170 1234567");
        var second = redactor.Redact("A@Example.com or 0170 1234567 or b@example.com");

        Assert.Equal("[EMAIL_1] and [PHONE_1]", first);
        Assert.Equal("[EMAIL_1] or [PHONE_1] or [EMAIL_2]", second);
    }

    [Fact]
    public void Restore_PutsValuesBack_AndMasksPaymentDataInReplies()
    {
        var redactor = new PersonalDataRedactor([]);
        var redacted = redactor.Redact("jane@example.com, DE89370400440532013000, 4111 1111 1111 1111");

        Assert.Equal("jane@example.com, DE89370400440532013000, 4111 1111 1111 1111", redactor.Restore(redacted, maskPaymentData: false));
        Assert.Equal("jane@example.com, DE89 **** 3000, **** 1111", redactor.Restore(redacted, maskPaymentData: true));
        Assert.Equal("[EMAIL_9] stays", redactor.Restore("[EMAIL_9] stays", maskPaymentData: true));
    }
}
