using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace RelayDesk.Assistant.Knowledge;

/// <summary>
/// Full-text retrieval over the help articles with Lucene.Net: German and English analysers (stemming, stop words),
/// title and keywords boosted over the body. An in-memory index: the article set is small and rebuilt at start.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly RAMDirectory _directory = new();
    private readonly Dictionary<string, Analyzer> _analyzers;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, HelpArticle> _articles;
    private readonly Dictionary<string, HashSet<string>> _articleTerms = [];

    public KnowledgeBase(IEnumerable<HelpArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _articles = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _analyzers = new Dictionary<string, Analyzer>
        {
            ["de"] = new GermanAnalyzer(Version),
            ["en"] = new EnglishAnalyzer(Version),
        };

        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzers["en"])))
        {
            foreach (var article in _articles.Values)
            {
                var analyzer = AnalyzerFor(article.Language);
                var keywords = string.Join(' ', article.Keywords);
                var document = new Document
                {
                    new StringField("id", article.Id, Field.Store.YES),
                    new StringField("lang", article.Language, Field.Store.NO),
                    new TextField("title", article.Title, Field.Store.NO) { Boost = 2.5f },
                    new TextField("keywords", keywords, Field.Store.NO) { Boost = 2.0f },
                    new TextField("body", article.Body, Field.Store.NO),
                };
                writer.AddDocument(document, analyzer);
                _articleTerms[article.Id] = Terms(analyzer, $"{article.Title} {keywords} {article.Body}").ToHashSet(StringComparer.Ordinal);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public int Count => _articles.Count;

    /// <summary>The article on a topic in a language (falling back to English), or null.</summary>
    public HelpArticle? Article(string topicId, string language) =>
        _articles.Values.FirstOrDefault(a => a.TopicId == topicId && a.Language == language)
        ?? _articles.Values.FirstOrDefault(a => a.TopicId == topicId && a.Language == "en");

    /// <summary>
    /// Finds the best article for a question in the given language. <see cref="KnowledgeHit.Coverage"/> is the share
    /// of the question's meaningful words that the article contains: a cheap, explainable confidence.
    /// </summary>
    public IReadOnlyList<KnowledgeHit> Search(string question, string language, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        var analyzer = AnalyzerFor(language);
        var terms = Terms(analyzer, question).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var words = new BooleanQuery();
        foreach (var term in terms)
        {
            foreach (var field in new[] { "title", "keywords", "body" })
            {
                words.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term("lang", language)), Occur.MUST },
            { words, Occur.MUST },
        };

        var hits = _searcher.Search(query, take).ScoreDocs;
        var results = new List<KnowledgeHit>(hits.Length);
        foreach (var hit in hits)
        {
            var id = _searcher.Doc(hit.Doc).Get("id");
            var article = _articles[id];
            var matched = terms.Count(_articleTerms[id].Contains);
            results.Add(new KnowledgeHit(article, hit.Score, (double)matched / terms.Count));
        }

        return results;
    }

    public void Dispose()
    {
        _reader.Dispose();
        foreach (var analyzer in _analyzers.Values)
        {
            analyzer.Dispose();
        }

        _directory.Dispose();
    }

    private Analyzer AnalyzerFor(string language) =>
        _analyzers.TryGetValue(language, out var analyzer) ? analyzer : _analyzers["en"];

    private static IEnumerable<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("body", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }
}

/// <summary>An article found for a question, its Lucene score and how much of the question it covers (0–1).</summary>
public sealed record KnowledgeHit(HelpArticle Article, float Score, double Coverage);
