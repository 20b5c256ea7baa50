using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelayDesk.Cli.Load;

/// <summary>
/// The outcome of one run, in the same shape for the real desk and the echo baseline so the figures compare. Latencies
/// in milliseconds from the scheduled send time; <see cref="Lost"/> must be 0.
/// </summary>
internal sealed record LoadReport(
    string Target,
    int CustomersRequested,
    int CustomersStarted,
    double OfferedRate,
    double WarmupSeconds,
    double DurationSeconds,
    long Sent,
    long Acknowledged,
    double AchievedRate,
    LatencySummary AckLatencyMs,
    LatencySummary AnswerLatencyMs,
    long Answered,
    long Unanswered,
    long HandedOver,
    long HumanRequests,
    ErrorSummary Errors,
    long ConnectionsDropped,
    long ConversationsChecked,
    long Lost,
    long Duplicated,
    long StoredWithoutAck,
    IReadOnlyList<string> LostSamples,
    AgentSummary? Agents,
    IReadOnlyList<string> Notes)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>With <c>--with-echo</c>: the same client against the in-process echo hub, for comparison.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LoadReport? EchoBaseline { get; init; }

    /// <summary>With <c>--with-echo</c>: this run's figures divided by the echo's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EchoComparison? VsEcho { get; init; }

    /// <summary>Nothing acknowledged went missing and nothing was stored twice.</summary>
    [JsonIgnore]
    public bool Sound => Lost == 0 && Duplicated == 0 && CustomersStarted > 0;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public LoadReport WithEcho(LoadReport echo) => this with { EchoBaseline = echo, VsEcho = EchoComparison.Of(this, echo) };

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        void Line(string label, string value) => text.AppendLine(string.Create(c, $"{label,-16} {value}"));

        text.AppendLine($"relaydesk load — {Target}");
        Line("customers", string.Create(c, $"{CustomersStarted} of {CustomersRequested} started and connected"));
        if (Agents is { } agents)
        {
            Line("agents", string.Create(c, $"{agents.SignedIn} of {agents.Requested} signed in; {agents.Offers} offers, {agents.Accepted} accepted, {agents.Replies} replies, {agents.Resolved} resolved"));
        }

        Line("window", string.Create(c, $"{WarmupSeconds:0.#} s warm-up, {DurationSeconds:0.#} s measured"));
        Line("rate", string.Create(c, $"offered {OfferedRate:0.0} msg/s, achieved {AchievedRate:0.0} msg/s (acks in the measured window)"));
        Line("messages", string.Create(c, $"{Sent} sent, {Acknowledged} acknowledged"));
        Line("ack latency", Latency(AckLatencyMs));
        Line("answer latency", Latency(AnswerLatencyMs) + "  (assistant or system reply)");
        Line("answers", string.Create(c, $"{Answered} answered, {Unanswered} without an answer by the end, {HandedOver} handed to a person (not the assistant's to answer); {HumanRequests} asked for a person"));
        Line("errors", Errors.Total == 0 ? "none" : string.Create(c, $"{Errors.Total}: {string.Join(", ", Errors.ByKind.Select(k => $"{k.Key} {k.Value}"))}"));
        foreach (var error in Errors.Top)
        {
            text.AppendLine(string.Create(c, $"{"",16}   {error.Kind} ×{error.Count}: {error.Message}"));
        }

        Line("connections", string.Create(c, $"{ConnectionsDropped} dropped"));
        Line("checked", string.Create(c, $"{ConversationsChecked} conversations read back; {StoredWithoutAck} unacknowledged sends stored anyway (allowed)"));
        text.AppendLine(string.Create(c, $"LOST             {Lost}   {(Lost == 0 ? "ok — every acknowledged message is stored as sent" : "FAILED — acknowledged but not stored as sent")}"));
        text.AppendLine(string.Create(c, $"DUPLICATED       {Duplicated}   {(Duplicated == 0 ? "ok" : "FAILED — a sent text is stored more than once")}"));
        foreach (var sample in LostSamples)
        {
            text.AppendLine($"{"",16}   {sample}");
        }

        foreach (var note in Notes)
        {
            text.AppendLine($"note: {note}");
        }

        if (EchoBaseline is { } echo)
        {
            text.AppendLine().AppendLine("echo baseline (the same client against a bare in-process hub):").Append(echo.ToText());
            text.AppendLine(string.Create(c, $"vs echo          achieved ×{VsEcho?.AchievedRate:0.00}, ack p99 ×{VsEcho?.AckP99:0.0}, answer p99 ×{VsEcho?.AnswerP99:0.0}"));
        }

        return text.ToString().TrimEnd();
    }

    private static string Latency(LatencySummary latency) => latency.Count == 0
        ? "nothing measured"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {latency.P50:0.0} ms  p95 {latency.P95:0.0} ms  p99 {latency.P99:0.0} ms  max {latency.Max:0.0} ms  (n={latency.Count})");
}

/// <summary>Ratios of a run's figures to the echo baseline's (null when the echo measured nothing).</summary>
internal sealed record EchoComparison(double? AchievedRate, double? AckP50, double? AckP99, double? AnswerP99)
{
    public static EchoComparison Of(LoadReport run, LoadReport echo) => new(
        Ratio(run.AchievedRate, echo.AchievedRate),
        Ratio(run.AckLatencyMs.P50, echo.AckLatencyMs.P50),
        Ratio(run.AckLatencyMs.P99, echo.AckLatencyMs.P99),
        Ratio(run.AnswerLatencyMs.P99, echo.AnswerLatencyMs.P99));

    private static double? Ratio(double? value, double? baseline) =>
        value is { } v && baseline is > 0 ? Math.Round(v / baseline.Value, 2) : null;
}
