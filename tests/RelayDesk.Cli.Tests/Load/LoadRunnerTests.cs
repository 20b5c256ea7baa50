using RelayDesk.Cli.Load;

namespace RelayDesk.Cli.Tests.Load;

public class LoadRunnerTests
{
    [Fact]
    public async Task RunAsync_AgainstTheEchoDeskInProcess_ReportsEveryMessageStoredOnce()
    {
        await using var echo = await EchoDesk.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var options = new LoadOptions(echo.Address, Customers: 10, Rate: 50, Duration: TimeSpan.FromSeconds(1), Warmup: TimeSpan.Zero,
            HumanShare: 0.2, Drain: TimeSpan.FromSeconds(5));

        var report = await new LoadRunner(options, TimeProvider.System, TextWriter.Null).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(report.Sound, report.ToText());
        Assert.Equal(10, report.CustomersStarted);
        Assert.True(report.Acknowledged > 0, report.ToText());
        Assert.Equal(2, report.HumanRequests);
        Assert.Equal(0, report.Unanswered);
        Assert.Equal(0, report.Errors.Total);
    }
}
