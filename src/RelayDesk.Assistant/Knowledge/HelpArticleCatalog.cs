using System.Text.Json;

namespace RelayDesk.Assistant.Knowledge;

/// <summary>The help articles RelayDesk ships (DE and EN), read from the assembly's embedded article files.</summary>
public static class HelpArticleCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<HelpArticle> LoadBuiltIn()
    {
        var assembly = typeof(HelpArticleCatalog).Assembly;
        var articles = new List<HelpArticle>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("RelayDesk.Assistant.Articles.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded article file {name} is missing.");
            var batch = JsonSerializer.Deserialize<List<HelpArticle>>(stream, JsonOptions)
                ?? throw new InvalidOperationException($"Embedded article file {name} is empty.");
            articles.AddRange(batch);
        }

        return articles;
    }
}
