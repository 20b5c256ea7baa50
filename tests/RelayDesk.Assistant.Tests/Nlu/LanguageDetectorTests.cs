using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

/// <summary>The detector trained on the shipped DE/EN intent data, as the product trains it.</summary>
public sealed class LanguageModelFixture : IDisposable
{
    public LanguageModelFixture() => Detector.Use(IntentClassifier.Train(LanguageDetector.ProductData(), LanguageDetector.Options));

    public LanguageDetector Detector { get; } = new();

    public void Dispose() => Detector.Dispose();
}

public sealed class LanguageDetectorTests(LanguageModelFixture fixture) : IClassFixture<LanguageModelFixture>
{
    [Theory]
    [InlineData("Hallo, ich wollte fragen wann meine nächste Rate abgebucht wird", "de")]
    [InlineData("Mein Mann ist letzte Woche verstorben und ich weiß nicht was mit seinen Raten passiert", "de")]
    [InlineData("ich hab dass packet zurückgeschickt aber die rechnung kommt trotzdem", "de")]
    [InlineData("Hi, when is my next instalment taken from my account?", "en")]
    [InlineData("i sent the parcel back last week but you still want money", "en")]
    [InlineData("My flat was flooded and I can't pay this month", "en")]
    public void Sure_about_ordinary_customer_sentences(string text, string language)
    {
        var detected = fixture.Detector.Detect(text);

        Assert.NotNull(detected);
        Assert.Equal(language, detected.Language);
        Assert.True(detected.IsConfident, $"{detected.Confidence:F3} for '{text}'");
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("ja")]
    [InlineData("?!")]
    [InlineData("1234 5678")]
    public void Not_sure_about_texts_too_short_to_tell(string text)
    {
        var detected = fixture.Detector.Detect(text);

        Assert.NotNull(detected);
        Assert.False(detected.IsConfident);
    }

    [Fact]
    public void Says_nothing_before_a_model_is_loaded()
    {
        using var detector = new LanguageDetector();

        Assert.Null(detector.Detect("Wann ist meine nächste Rate fällig?"));
        Assert.False(detector.IsReady);
    }

    [Fact]
    public void Evaluation_reports_accuracy_and_how_often_it_is_sure()
    {
        string[] german = ["Wann muss ich die Rechnung bezahlen?", "Ich möchte meine Adresse ändern", "ok"];

        var report = LanguageEvaluation.Run(fixture.Detector, german, "de");

        Assert.Equal(3, report.Texts);
        Assert.True(report.Accuracy >= 2 / 3d);
        Assert.Equal(2 / 3d, report.ConfidentShare, 3);
        Assert.Equal(1, report.ConfidentAccuracy);
        Assert.Contains("\"confident_accuracy\"", report.ToJson(), StringComparison.Ordinal);
    }
}
