namespace RelayDesk.Cli.Tests.Staffing;

public sealed class StaffingPlanCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relaydesk-plan-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Plan_PrintsTheWeekAndWritesACsvAndAChart()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("staffing", "plan", "--target", "80/60", "--interval", "30",
            "--demo-history", "--rostered", "8", "--out", _folder);

        Assert.True(exit == 0, stderr);
        Assert.Contains("weekly FTE:", stdout, StringComparison.Ordinal);
        Assert.Contains("backtest on the last week: WAPE", stdout, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(Path.Combine(_folder, "staffing-plan.csv"));
        Assert.Equal(1 + 336, csv.Length);
        var png = await File.ReadAllBytesAsync(Path.Combine(_folder, "staffing-plan.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Fact]
    public async Task Plan_WithLowerContainment_NeedsMoreFte()
    {
        var baseline = await RunPlanAsync();
        var worse = await RunPlanAsync("--what-if", "containment=-10");

        Assert.True(worse > baseline, $"{worse} FTE with 10 points less containment vs {baseline} FTE");
    }

    [Theory]
    [InlineData("--target", "100/60", "below 100 %")]
    [InlineData("--what-if", "weather=-10", "weather")]
    [InlineData("--aht-seconds", "0", "averageHandleTimeSeconds")]
    public async Task Plan_WithBadInput_ExitsWithAClearError(string option, string value, string mentioned)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("staffing", "plan", "--demo-history", "--out", _folder, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(mentioned, stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plan_WithoutADatabase_SaysHowToGetHistory()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("staffing", "plan", "--database", Path.Combine(_folder, "missing.db"), "--out", _folder);

        Assert.Equal(2, exit);
        Assert.Contains("--demo-history", stderr, StringComparison.Ordinal);
    }

    private async Task<double> RunPlanAsync(params string[] extra)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(["staffing", "plan", "--demo-history", "--out", _folder, .. extra]);
        Assert.True(exit == 0, stderr);
        var line = stdout.Split('\n').Single(l => l.StartsWith("weekly FTE:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
