using System.CommandLine;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Cli.Nlu;

/// <summary>
/// <c>relaydesk nlu eval --train TRAIN.csv [--test TEST.csv] [--oos-label oos] [--json]</c>: trains the product's intent
/// pipeline on any CSV and reports accuracy, macro-F1, the worst classes, out-of-scope recall/precision, training time,
/// model size and per-query latency.
/// </summary>
internal static class NluCommands
{
    public static Command Create()
    {
        var nlu = new Command("nlu", "The embedded language understanding.");
        var train = new Option<FileInfo[]>("--train") { Description = "Training CSV(s) with a text,label (or text,category) header.", Required = true, AllowMultipleArgumentsPerToken = true };
        var test = new Option<FileInfo[]>("--test") { Description = "Test CSV(s); without it a stratified holdout of --train is scored.", AllowMultipleArgumentsPerToken = true };
        var holdout = new Option<double>("--holdout") { Description = "Holdout share per class when --test is not given.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the holdout split.", DefaultValueFactory = _ => 42 };
        var oos = new Option<string?>("--oos-label") { Description = "The out-of-scope label (enables OOS recall/precision)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (snake_case)." };
        var eval = new Command("eval", "Train on one file, score on another (or a holdout), and report the figures.") { train, test, holdout, seed, oos, json };
        eval.SetAction(result =>
        {
            try
            {
                IReadOnlyList<IntentExample> trainRows = [.. result.GetValue(train)!.SelectMany(f => IntentDataset.Load(f.FullName))];
                var testFiles = result.GetValue(test) ?? [];
                IReadOnlyList<IntentExample> testRows;
                if (testFiles.Length > 0)
                {
                    testRows = [.. testFiles.SelectMany(f => IntentDataset.Load(f.FullName))];
                }
                else
                {
                    var split = IntentDataset.StratifiedSplit(trainRows, result.GetValue(holdout), result.GetValue(seed));
                    (trainRows, testRows) = (split.Train, split.Holdout);
                }

                var report = NluEvaluation.Run(trainRows, testRows, result.GetValue(oos));
                Console.WriteLine(result.GetValue(json) ? report.ToJson(indented: false) : report.ToText());
                return 0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        nlu.Subcommands.Add(eval);
        nlu.Subcommands.Add(LanguageEval());
        return nlu;
    }

    /// <summary>
    /// <c>relaydesk nlu language-eval --file TEXTS --language de|en [--json]</c>: scores the product's language detector
    /// on texts known to be in one language (CSV with a text column, or TSV whose first column is the text).
    /// </summary>
    private static Command LanguageEval()
    {
        var file = new Option<FileInfo[]>("--file") { Description = "Texts in one language: CSV with a text header, or TSV (first column).", Required = true, AllowMultipleArgumentsPerToken = true };
        var language = new Option<string>("--language") { Description = "The language every text is in (de or en).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (snake_case)." };
        var command = new Command("language-eval", "Score the German/English detector on texts of a known language.") { file, language, json };
        command.SetAction(result =>
        {
            try
            {
                var texts = result.GetValue(file)!.SelectMany(f => ReadTexts(f.FullName)).ToList();
                using var detector = new LanguageDetector();
                detector.Use(IntentClassifier.Train(LanguageDetector.ProductData(), LanguageDetector.Options));
                var report = LanguageEvaluation.Run(detector, texts, result.GetValue(language)!);
                Console.WriteLine(result.GetValue(json) ? report.ToJson() : report.ToText());
                return 0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    private static IEnumerable<string> ReadTexts(string path) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            ? File.ReadLines(path).Select(line => line.Split('\t')[0]).Where(text => text.Length > 0)
            : IntentDataset.Load(path).Select(row => row.Text);
}
